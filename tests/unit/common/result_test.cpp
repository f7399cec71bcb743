#include "storyline/common/result.hpp"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

Result<int> parse_positive(int value) {
  if (value <= 0) return Error{ErrorCode::kInvalidArgument, "must be positive"};
  return value;
}

TEST(Result, CarriesAValue) {
  const auto result = parse_positive(3);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 3);
}

TEST(Result, CarriesAnError) {
  const auto result = parse_positive(-1);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().reason, "must be positive");
}

TEST(Result, MovesOutItsValue) {
  Result<std::string> result(std::string("storyline"));
  const std::string taken = std::move(result).value();
  EXPECT_EQ(taken, "storyline");
}

TEST(Status, DefaultIsSuccess) {
  const Status ok;
  EXPECT_TRUE(ok.has_value());
  const Status failed = Error{ErrorCode::kIoError, "disk full", "out.jsonl"};
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message(), "out.jsonl: disk full");
}

TEST(Error, MessageNamesFileAndLine) {
  EXPECT_EQ((Error{ErrorCode::kMalformedJson, "missing comma", "a.jsonl", 4}).message(), "a.jsonl:4: missing comma");
  EXPECT_EQ((Error{ErrorCode::kInternal, "bug"}).message(), "bug");
}

TEST(Error, CodesHaveDistinctNames) {
  EXPECT_EQ(error_code_name(ErrorCode::kInvalidUtf8), "invalid UTF-8");
  EXPECT_EQ(error_code_name(ErrorCode::kMalformedJson), "malformed JSON");
  EXPECT_NE(error_code_name(ErrorCode::kMissingField), error_code_name(ErrorCode::kInvalidField));
}

}  // namespace
}  // namespace storyline
