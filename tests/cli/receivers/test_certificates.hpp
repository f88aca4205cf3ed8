#pragma once

#include <string>

#include "tests/support/temp_dir.hpp"

namespace ttmtrack::test {

// A throwaway certificate authority and server certificates, made with the openssl command at
// test time (nothing secret is committed): `ca` signs `server` (CN and subjectAltName
// localhost, 127.0.0.1) and `other_server` (only other.example: a certificate for the wrong
// host). EC P-256 keys, valid for two days. Throws std::runtime_error when openssl fails.
class TestCertificates {
 public:
  TestCertificates();

  std::string ca_file() const { return dir_.File("ca.pem"); }
  std::string server_cert() const { return dir_.File("server.pem"); }
  std::string server_key() const { return dir_.File("server.key"); }
  std::string other_server_cert() const { return dir_.File("other.pem"); }
  std::string other_server_key() const { return dir_.File("other.key"); }

 private:
  void Sign(const std::string& name, const std::string& subject_alt_names);

  TempDir dir_;
};

}  // namespace ttmtrack::test
