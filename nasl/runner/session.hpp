#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nasl/runner/knowledge_base.hpp"
#include "nasl/runner/runner.hpp"

// The scanner side of one execution of a plugin: the description run, or one attack run.
// Built-ins reach the KB, the target, the recorded result and the sockets through it.
namespace ttmtrack::nasl::runner {

class TcpConnection;

// Emulates the fork the real scanners do when get_kb_item() meets a key with several values:
// each attack run takes one combination of choices, and the runner enumerates them all
// depth-first. Events (reports, KB writes, errors, display) that happen before the first fork
// point whose choice differs from the previous run were already recorded by that run — in the
// real scanner they happen once, in the parent — so they are marked as replays.
class ForkPlan {
 public:
  // Called at each fork point; returns the value this run takes. `values` is frozen the
  // first time a fork point is reached, so later runs choose from the same list.
  KbValue Choose(const std::string& name, const std::vector<KbValue>& values);

  // Moves to the next combination; false when all were run. Resets the per-run depth.
  bool Advance();

  // True while the current run is replaying what an earlier run already did.
  bool Replaying() const { return static_cast<long>(depth_) <= shared_prefix_; }

 private:
  struct Point {
    std::string name;
    std::vector<KbValue> values;
    std::size_t choice = 0;
  };
  std::vector<Point> points_;
  std::size_t depth_ = 0;
  long shared_prefix_ = -1;
};

class Session {
 public:
  // `fork` is null in the description run (no forking there). All references must outlive
  // the session.
  Session(const RunOptions& options, KnowledgeBase& kb, RunResult& result, ForkPlan* fork,
          bool description);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const RunOptions& options() const { return options_; }
  Profile profile() const { return options_.profile; }
  bool description() const { return description_; }
  KnowledgeBase& kb() { return kb_; }
  RunResult& result() { return result_; }

  // get_kb_item(): the single value, the forked choice, or nullopt when the key is unset.
  std::optional<KbValue> KbItem(const std::string& name);

  // Recording, skipped while replaying a forked prefix.
  void RecordError(const std::string& message);
  void RecordDisplay(const std::string& text);
  void RecordReport(RecordedCall call);
  void RecordKbWrite(KbWrite write);

  // Socket table: NASL scripts see small positive integers.
  int AddSocket(std::unique_ptr<TcpConnection> connection);
  TcpConnection* FindSocket(int handle);
  bool CloseSocket(int handle);

 private:
  bool Replaying() const { return fork_ != nullptr && fork_->Replaying(); }

  const RunOptions& options_;
  KnowledgeBase& kb_;
  RunResult& result_;
  ForkPlan* fork_;
  bool description_;
  std::map<int, std::unique_ptr<TcpConnection>> sockets_;
  int next_socket_ = 1;
};

}  // namespace ttmtrack::nasl::runner
