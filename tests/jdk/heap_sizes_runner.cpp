// The simulator's side of jdk.heap_sizes_differential: for each flag set of the file, what a lesson run
// with those flags sees: "<maxMemory> <direct limit>", or the JVM's refusal to start, one line per set.
#include <fstream>
#include <iostream>
#include <string>

#include "heapviz/engine/jvm_flags.hpp"
#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/heap_settings.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: heapviz_heap_sizes_runner FLAG_SETS.txt\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const heapviz::ParsedJvmFlags parsed = heapviz::parse_all_jvm_flags("-XX:+UseSerialGC " + line);
    if (!parsed.ok()) {
      std::cout << line << " | heapviz rejects the flags: " << parsed.error << "\n";
      continue;
    }
    const heapviz::heap::JdkLaunch launch = heapviz::heap::as_jdk_launches(parsed.settings.heap);
    if (!launch.error.empty()) {
      std::cout << line << " | Error occurred during initialization of VM " << launch.error << "\n";
      continue;
    }
    heapviz::Settings s = parsed.settings;
    s.heap = launch.settings;
    // The direct limit as the machine sets it (bits.max_memory); large heaps only by the same formula, to
    // keep the runner small in memory.
    const std::int64_t direct = s.heap.max_heap <= (256ull << 20) ? heapviz::Machine(s).bits.max_memory
                                : s.nio.max_direct_memory_set
                                    ? static_cast<std::int64_t>(s.nio.max_direct_memory)
                                    : static_cast<std::int64_t>(heapviz::heap::runtime_max_memory(s.heap));
    std::cout << line << " | " << heapviz::heap::runtime_max_memory(s.heap) << " " << direct << "\n";
  }
  return 0;
}
