#include "base/status.h"

#include <gtest/gtest.h>

#include "base/coding.h"

namespace claimgraph {
namespace {

StatusOr<int> Half(int n) {
  if (n % 2 != 0) return InvalidArgumentError("odd: " + std::to_string(n));
  return n / 2;
}

StatusOr<int> Quarter(int n) {
  CG_ASSIGN_OR_RETURN(int half, Half(n));
  CG_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(OkStatus().ok());
  Status s = NotFoundError("no entity \"ICE\"");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not found: no entity \"ICE\"");
  EXPECT_EQ(s.WithPrefix("a.jsonl:3").message(), "a.jsonl:3: no entity \"ICE\"");
}

TEST(StatusTest, AssignOrReturnPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  StatusOr<int> odd = Quarter(6);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.status().message(), "odd: 3");
}

TEST(CodingTest, BigEndianOrderMatchesNumericOrder) {
  std::string a, b;
  PutFixed64BE(&a, 255);
  PutFixed64BE(&b, 256);
  EXPECT_LT(a, b);
  EXPECT_EQ(DecodeFixed64BE(a), 255u);
  EXPECT_EQ(DecodeFixed64BE(b), 256u);
}

}  // namespace
}  // namespace claimgraph
