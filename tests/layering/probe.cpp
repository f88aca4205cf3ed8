// Compiled by tests/layering/CMakeLists.txt with the include directories of one module's
// sources, to include one header of ours: whether this compiles is what each check asserts.
#include TTMTRACK_PROBE_HEADER
