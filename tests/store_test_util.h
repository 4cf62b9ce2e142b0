// Helpers shared by the tests that build claims and open stores
// (store_test, write_cache_test, graph_test, adjacency_test, bulk_write_test,
// cli_test).

#ifndef CLAIMGRAPH_TESTS_STORE_TEST_UTIL_H_
#define CLAIMGRAPH_TESTS_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "claimgraph.pb.h"

namespace claimgraph::testing_util {

// An entity with a name, a type and aliases.
inline Entity Ent(const std::string& name,
                  EntityType type = ENTITY_TYPE_UNSPECIFIED,
                  const std::vector<std::string>& aliases = {}) {
  Entity e;
  e.set_name(name);
  e.set_type(type);
  for (const std::string& a : aliases) e.add_aliases(a);
  return e;
}

// Where test directories go: $TEST_TMPDIR when set, else tmpfs (/dev/shm)
// when writable, since RocksDB syncs every write and a disk makes the tests
// slow, else ::testing::TempDir().
inline std::filesystem::path TempRoot() {
  if (std::getenv("TEST_TMPDIR") == nullptr &&
      std::filesystem::is_directory("/dev/shm") &&
      ::access("/dev/shm", W_OK) == 0) {
    return "/dev/shm";
  }
  return ::testing::TempDir();
}

// A directory for the running test, "<prefix>_<pid>_<test name>" under
// TempRoot(), so parallel test processes and tests do not collide. The
// caller creates and removes it.
inline std::filesystem::path TestDir(const std::string& prefix) {
  return TempRoot() /
         (prefix + "_" + std::to_string(::getpid()) + "_" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

}  // namespace claimgraph::testing_util

#endif  // CLAIMGRAPH_TESTS_STORE_TEST_UTIL_H_
