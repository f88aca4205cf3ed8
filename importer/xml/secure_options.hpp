#pragma once

namespace ttmtrack::importer::xml {

// The libxml2 parser options every export is read with (xmlParserOption bits), chosen for
// hostile input; secure_options.cpp explains each bit that is set and each one that must never
// be. Kept in one place so the reader, the fuzzer and the tests agree.
int SecureParseOptions();

// True when `options` contains none of the options that would resolve entities, load DTDs or
// external files, follow XInclude, or lift libxml2's size limits. Used by a test.
bool IsSecure(int options);

}  // namespace ttmtrack::importer::xml
