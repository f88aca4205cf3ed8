#include "tests/cli/receivers/test_certificates.hpp"

#include <fstream>
#include <stdexcept>

#include "tools/process/child_process.hpp"

namespace ttmtrack::test {
namespace {

void Openssl(const std::vector<std::string>& args, const TempDir& dir) {
  std::vector<std::string> argv{"openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  const process::ProcessResult result = process::RunProcess(argv, {.cwd = dir.path()});
  if (result.exit_code != 0) {
    throw std::runtime_error("openssl " + args.front() + " failed: " + result.err);
  }
}

}  // namespace

TestCertificates::TestCertificates() {
  Openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
           "-days", "2", "-subj", "/CN=ttmtrack test CA", "-keyout", "ca.key", "-out", "ca.pem",
           "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
           "keyUsage=critical,keyCertSign,cRLSign"},
          dir_);
  Sign("server", "DNS:localhost,IP:127.0.0.1");
  Sign("other", "DNS:other.example");
}

void TestCertificates::Sign(const std::string& name, const std::string& subject_alt_names) {
  const std::string cn = subject_alt_names.substr(4, subject_alt_names.find(',') - 4);
  Openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj",
           "/CN=" + cn, "-keyout", name + ".key", "-out", name + ".csr"},
          dir_);
  std::ofstream(dir_.File(name + ".ext"))
      << "subjectAltName=" << subject_alt_names << "\nextendedKeyUsage=serverAuth\n";
  Openssl({"x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
           "-CAcreateserial", "-days", "2", "-extfile", name + ".ext", "-out", name + ".pem"},
          dir_);
}

}  // namespace ttmtrack::test
