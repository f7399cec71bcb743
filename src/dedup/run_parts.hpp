// Splits work into `parts` pieces run at once: part 0 on the calling thread, the others on their own
// threads, all joined before returning. Each part owns its slice of the output, which is what keeps the
// results independent of the thread count.
#pragma once

#include <cstddef>
#include <thread>
#include <vector>

namespace storyline::detail {

template <typename Work>
void run_parts(std::size_t parts, const Work& work) {
  std::vector<std::jthread> pool;
  for (std::size_t part = 1; part < parts; ++part) pool.emplace_back(work, part);
  work(std::size_t{0});
}

}  // namespace storyline::detail
