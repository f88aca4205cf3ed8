#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scangen {

// The hosts of a scan, one at a time, so a writer never holds more than one host in memory.
// Sequences are repeatable: GVM reports list results before hosts, so writers make several
// passes, calling Rewind() between them, and must see the same hosts each time.
class HostSource {
 public:
  virtual ~HostSource() = default;
  // Overwrites `host` with the next host (reusing its capacity); false when there is none.
  virtual bool Next(HostSpec& host) = 0;
  virtual void Rewind() = 0;
  // The scan targets as a user would have typed them (Nessus TARGET preference).
  virtual std::string TargetText() const = 0;
};

// Hosts from a vector, borrowed: it must outlive the source.
class VectorHostSource : public HostSource {
 public:
  explicit VectorHostSource(const std::vector<HostSpec>& hosts) : hosts_(hosts) {}
  bool Next(HostSpec& host) override;
  void Rewind() override { next_ = 0; }
  std::string TargetText() const override;

 private:
  const std::vector<HostSpec>& hosts_;
  std::size_t next_ = 0;
};

}  // namespace ttmtrack::scangen
