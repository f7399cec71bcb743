// The HTTP API's handlers (apps/server/api.hpp), called as the server calls them but without a socket,
// over one scratch store per process. The first byte picks the route; the rest is the route's input:
// the POST /articles body, an id, or a query string (k=v&k=v, already decoded as the HTTP library hands it
// over; for /storylines/{id} the id comes before a '?'). Invariants: a valid HTTP status and a body that
// is JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "fuzz_common.hpp"

namespace {

storyline::server::QueryParams parse_query(std::string_view text) {
  storyline::server::QueryParams query;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    query.emplace(std::string(pair.substr(0, eq)),
                  eq == std::string_view::npos ? std::string{} : std::string(pair.substr(eq + 1)));
  }
  return query;
}

storyline::server::Api& api() {
  static const std::unique_ptr<storyline::server::Api> instance = [] {
    storyline::server::ApiOptions options;
    options.db = (storyline::fuzz::scratch_dir() / "store.db").string();
    auto opened = storyline::server::Api::open(options);
    if (!opened) std::abort();
    return std::move(*opened);
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto& server = api();
  const std::string_view rest = storyline::fuzz::as_view(data + 1, size - 1);
  storyline::server::ApiResponse response;
  switch (data[0] % 10) {
    case 0: response = server.post_articles(rest); break;
    case 1: response = server.health(); break;
    case 2: response = server.storylines(parse_query(rest)); break;
    case 3: {
      const std::size_t mark = rest.find('?');
      response = server.storyline(rest.substr(0, mark),
                                  parse_query(mark == std::string_view::npos ? std::string_view{} : rest.substr(mark + 1)));
      break;
    }
    case 4: response = server.story(rest); break;
    case 5: response = server.article(rest); break;
    case 6: {
      const std::size_t mark = rest.find('?');
      response = server.related(rest.substr(0, mark),
                                parse_query(mark == std::string_view::npos ? std::string_view{} : rest.substr(mark + 1)));
      break;
    }
    case 7: response = server.similar(parse_query(rest)); break;
    case 8: response = server.search(parse_query(rest)); break;
    default: response = server.post_articles(rest); break;  // writes are the riskiest surface: twice the share
  }
  if (response.status < 100 || response.status > 599) std::abort();
  if (!nlohmann::json::accept(response.body)) std::abort();
  return 0;
}
