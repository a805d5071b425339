#pragma once
// Deterministic random ByteBuffer cases in the case language: many operation sequences that nobody
// would write by hand, to find differences from the JDK in unusual orders of operations.
#include <cstdint>
#include <string>

namespace heapviz::jdk_test {

/// `count` case lines (a case file's text) from `seed`; the same arguments give the same text.
/// Every case starts with two buffers (b0, b1), so `sel`, `putBuf`, `equals` … always name one.
std::string random_case_file(int count, std::uint32_t seed);

}  // namespace heapviz::jdk_test
