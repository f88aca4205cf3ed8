#pragma once

#include <iosfwd>
#include <string>

namespace ttmtrack::importer::input {

// Lower-case hex SHA-256 of every byte `in` yields until its end (Poco::SHA2Engine), read in
// fixed-size blocks: memory does not depend on the size. Throws Error kIo on a read failure.
std::string Sha256OfStream(std::istream& in);

}  // namespace ttmtrack::importer::input
