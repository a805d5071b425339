#include "heapviz/io/io_machine.hpp"

namespace heapviz::io {

IoMachine::IoMachine(const heap::HeapSettings& h, const nio::NioSettings& n, const IoSettings& s)
    : NioMachine(h, n), io_settings(s) {
  auto initial_io = std::make_shared<IoSpaces>();
  initial_io->temporaries = TemporaryBuffers(s.max_cached_buffer_size);
  io = initial_io;
  io_history = std::make_shared<IoHistory>();
  io_history->states.push_back(io);
}

}  // namespace heapviz::io
