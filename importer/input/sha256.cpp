#include "importer/input/sha256.hpp"

#include <array>
#include <istream>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "core/error.hpp"

namespace ttmtrack::importer::input {

std::string Sha256OfStream(std::istream& in) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  std::array<char, 1 << 16> block{};
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) engine.update(block.data(), static_cast<unsigned>(got));
  }
  if (in.bad()) throw Error(Error::Kind::kIo, "read failed while hashing", {});
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace ttmtrack::importer::input
