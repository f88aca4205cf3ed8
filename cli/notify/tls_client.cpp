#include "cli/notify/tls_client.hpp"

#include <Poco/Net/NetSSL.h>

namespace ttmtrack::cli {
namespace {

// Poco's SSL library wants one initialise/uninitialise pair per process.
class SslLibrary {
 public:
  SslLibrary() { Poco::Net::initializeSSL(); }
  ~SslLibrary() { Poco::Net::uninitializeSSL(); }
  SslLibrary(const SslLibrary&) = delete;
  SslLibrary& operator=(const SslLibrary&) = delete;
};

}  // namespace

Poco::Net::Context::Ptr ClientTlsContext(const std::string& ca_file) {
  static SslLibrary library;
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.caLocation = ca_file;
  params.loadDefaultCAs = ca_file.empty();
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  return context;
}

}  // namespace ttmtrack::cli
