// CPU time of the calling thread and of the process, for benchmarks. On a
// shared machine these, unlike wall time, do not count the time spent
// waiting for a core (docs/benchmarks.md, "Method").

#ifndef CLAIMGRAPH_BASE_CPU_TIME_H_
#define CLAIMGRAPH_BASE_CPU_TIME_H_

#include <sys/resource.h>
#include <time.h>

namespace claimgraph {

// User + system CPU seconds of the calling thread.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// User + system CPU seconds of the whole process (all threads, RocksDB's
// background threads included).
inline double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) /
             1e6;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_BASE_CPU_TIME_H_
