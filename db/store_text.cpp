#include "db/store_text.hpp"

#include <string>

namespace ttmtrack::db {

Error UnknownStoredText(std::string_view what, std::string_view text) {
  return {Error::Kind::kDatabase,
          "unknown " + std::string(what) + " \"" + std::string(text) + "\" in the database"};
}

}  // namespace ttmtrack::db
