#include "reports/host_page_pool.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "reports/render.hpp"
#include "reports/report_writer.hpp"
#include "tests/reports/scenario.hpp"
#include "tests/support/temp_dir.hpp"

namespace ttmtrack::reports {
namespace {

class HostPagePoolTest : public ::testing::Test {
 protected:
  // The scenario's hosts repeated under other addresses: many batches, a page each.
  std::vector<std::vector<core::HostReport>> Batches(std::size_t count) const {
    std::vector<std::vector<core::HostReport>> batches(count);
    for (std::size_t i = 0; i < count; ++i) {
      for (std::size_t k = 0; k < scenario_.hosts.size(); ++k) {
        core::HostReport copy = scenario_.hosts[k];
        copy.identity.ip = "198.51." + std::to_string(i) + "." + std::to_string(k + 1);
        batches[i].push_back(std::move(copy));
      }
    }
    return batches;
  }

  test::TempDir dir_;
  testing::Scenario scenario_ = testing::MakeScenario();
  ReportOptions options_ = testing::FixedOptions();
};

TEST_F(HostPagePoolTest, EveryPageIsWrittenWithTheBytesOfItsReport) {
  for (const unsigned threads : {1U, 3U}) {
    const std::filesystem::path out = dir_.path() / ("out-" + std::to_string(threads));
    ReportWriter writer(out, options_);
    writer.WriteSummary(scenario_.summary);  // the pages link to it, as RenderHostHtml's do
    const auto batches = Batches(20);
    {
      HostPagePool pool(writer, threads);
      for (const auto& batch : batches) pool.Submit(batch);
      pool.Finish();
    }
    EXPECT_EQ(writer.files_written(), 1 + 20 * scenario_.hosts.size()) << threads;
    for (const auto& batch : batches) {
      for (const core::HostReport& host : batch) {
        EXPECT_EQ(test::ReadFileBytes(out / writer.HostPath(host.identity.ip)),
                  RenderHostHtml(host, options_))
            << host.identity.ip;
      }
    }
  }
}

// A page that cannot be written stops the pool, and the producer gets the writer's own error.
TEST_F(HostPagePoolTest, AWorkersErrorReachesTheProducer) {
  const std::filesystem::path out = dir_.path() / "out";
  ReportWriter writer(out, options_);
  std::filesystem::remove_all(out / "hosts");
  {
    std::ofstream file(out / "hosts");  // a file where the folder of pages should be
  }
  HostPagePool pool(writer, 2);
  try {
    for (const auto& batch : Batches(50)) pool.Submit(batch);
    pool.Finish();
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), Error::Kind::kIo);
    EXPECT_THAT(error.what(), ::testing::HasSubstr("hosts"));
  }
}

TEST(HostPagePoolThreadsTest, ZeroMeansOnePerCpuAndNeverNone) {
  EXPECT_GE(HostPagePool::ThreadCount(0), 1U);
  EXPECT_EQ(HostPagePool::ThreadCount(1), 1U);
  EXPECT_EQ(HostPagePool::ThreadCount(4), 4U);
}

}  // namespace
}  // namespace ttmtrack::reports
