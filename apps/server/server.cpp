#include "server.hpp"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <atomic>
#include <exception>
#include <thread>
#include <utility>

#include "web.hpp"

namespace storyline::server {
namespace {

constexpr const char* kJsonType = "application/json";

void reply(httplib::Response& response, const ApiResponse& answer) {
  response.status = answer.status;
  response.set_content(answer.body, kJsonType);
}

// For the errors cpp-httplib decides before any route runs: no such route, a body over the limit, a
// request it cannot parse.
std::string status_message(const httplib::Request& request, int status, std::size_t max_body) {
  switch (status) {
    case 404:
      return "no route " + request.method + " " + request.path + " (see docs/cli/serve.md)";
    case 413:
      return "request body larger than " + std::to_string(max_body) + " bytes (storyline serve --max-body)";
    case 400:
      return "bad request";
    default:
      return "HTTP status " + std::to_string(status);
  }
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> stopping{false};
  std::atomic<bool> in_run{false};  // run() is between its start and the end of listening

  explicit Impl(ServerOptions o) : options(std::move(o)) {}

  void add_routes() {
    Api& calls = *api;
    http.Get("/health", [&calls](const httplib::Request&, httplib::Response& response) {
      reply(response, calls.health());
    });
    http.Post("/articles", [&calls](const httplib::Request& request, httplib::Response& response) {
      reply(response, calls.post_articles(request.body));
    });
    http.Get("/storylines", [&calls](const httplib::Request& request, httplib::Response& response) {
      reply(response, calls.storylines(request.params));
    });
    http.Get(R"(/storylines/([^/]+))",
             [&calls](const httplib::Request& request, httplib::Response& response) {
               reply(response, calls.storyline(request.matches[1].str(), request.params));
             });
    http.Get(R"(/stories/([^/]+))", [&calls](const httplib::Request& request, httplib::Response& response) {
      reply(response, calls.story(request.matches[1].str()));
    });
    // Routes are tried in the order they are added: /related before the bare id, which may hold slashes
    // (the path arrives percent-decoded).
    http.Get(R"(/articles/(.+)/related)",
             [&calls](const httplib::Request& request, httplib::Response& response) {
               reply(response, calls.related(request.matches[1].str(), request.params));
             });
    http.Get(R"(/articles/(.+))", [&calls](const httplib::Request& request, httplib::Response& response) {
      reply(response, calls.article(request.matches[1].str()));
    });
    http.Get("/similar", [&calls](const httplib::Request& request, httplib::Response& response) {
      reply(response, calls.similar(request.params));
    });
    http.Get("/search", [&calls](const httplib::Request& request, httplib::Response& response) {
      reply(response, calls.search(request.params));
    });
    add_web_routes(http);  // the page at / (web.cpp)
  }

  // Everything but the routes, which need the Api: set before binding, as the socket options apply then.
  void configure() {
    const std::size_t max_body = options.max_body_bytes;
    // Named as the type it is: a lambda would also convert to the overload that returns nothing.
    httplib::Server::HandlerWithResponse on_error = [max_body](const httplib::Request& request,
                                                               httplib::Response& response) {
      // A route's own error already carries its JSON body; the rest come from cpp-httplib with none.
      if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      reply(response, error_response(response.status, status_message(request, response.status, max_body)));
      return httplib::Server::HandlerResponse::Handled;
    };
    http.set_error_handler(std::move(on_error));
    // Handlers return errors rather than throw; this is the net under a bug (or std::bad_alloc), so that
    // one request fails and the server stays up.
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, const std::exception_ptr& thrown) {
          std::string what = "unknown exception";
          try {
            std::rethrow_exception(thrown);
          } catch (const std::exception& error) {
            what = error.what();
          } catch (...) {
          }
          reply(response, error_response(500, "internal error: " + what));
        });
    http.set_payload_max_length(options.max_body_bytes);
    // Set explicitly rather than trusting the library's defaults, which change between versions: each
    // slow or stalled client holds one of the pool's threads until its timeout ends the connection.
    http.set_read_timeout(options.read_timeout);
    http.set_write_timeout(options.write_timeout);
    http.set_keep_alive_timeout(static_cast<time_t>(options.keep_alive_timeout.count()));
    // cpp-httplib's default sets SO_REUSEPORT, which lets a second server bind the same port and share
    // its connections; two servers would then be two writers of the store. SO_REUSEADDR alone still lets
    // a restarted server take its port back at once. TCP_NODELAY (inherited by accepted connections):
    // cpp-httplib writes a response's headers and body separately, and with Nagle's algorithm the body
    // then waits for the client's delayed ACK, 40 ms on Linux, on every keep-alive request.
    http.set_socket_options([](socket_t socket) {
      const int yes = 1;
      setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });
    const std::size_t threads = options.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  }
};

Server::Server(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::open(ServerOptions options) {
  if (options.threads == 0) return Error{ErrorCode::kInvalidArgument, "the server needs at least one thread"};
  if (options.max_body_bytes == 0) return Error{ErrorCode::kInvalidArgument, "--max-body must be at least 1"};
  if (options.port < 0 || options.port > 65535) {
    return Error{ErrorCode::kInvalidArgument, "port " + std::to_string(options.port) + " is not 0 to 65535"};
  }
  auto impl = std::make_unique<Impl>(std::move(options));
  impl->configure();
  // The port first: a server that cannot listen leaves the store alone (no replay, no ingest run).
  const std::string& host = impl->options.host;
  if (impl->options.port == 0) {
    impl->port = impl->http.bind_to_any_port(host);
  } else if (impl->http.bind_to_port(host, impl->options.port)) {
    impl->port = impl->options.port;
  } else {
    impl->port = -1;
  }
  if (impl->port <= 0) {
    return Error{ErrorCode::kInvalidArgument, "cannot listen on " + host + ":" +
                                                  std::to_string(impl->options.port) +
                                                  " (port in use, or not an address of this machine)"};
  }
  auto api = Api::open(impl->options.api);
  if (!api) return api.error();
  impl->api = std::move(api).value();
  impl->add_routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const noexcept { return m_impl->port; }
const Api& Server::api() const noexcept { return *m_impl->api; }

Status Server::run() {
  // cpp-httplib's stop() does nothing until listening has begun, so a stop() that came first would be
  // lost and the server would listen for good. stop() is set first and waits (below) for listening.
  m_impl->in_run = true;
  const bool listened = !m_impl->stopping && m_impl->http.listen_after_bind();
  m_impl->in_run = false;
  // Every POST committed itself; what is left is to mark the ingest run finished.
  auto closed = m_impl->api->close();
  if (!listened && !m_impl->stopping) {
    return Error{ErrorCode::kIoError, "the server stopped accepting connections on " + m_impl->options.host +
                                          ":" + std::to_string(m_impl->port)};
  }
  return closed;
}

void Server::stop() {
  m_impl->stopping = true;
  // A run() that saw `stopping` false is about to listen, or listens: stop it once it does (a listen that
  // fails at once ends the wait too). A run() still to come will see `stopping` and not listen.
  while (m_impl->in_run && !m_impl->http.is_running()) std::this_thread::yield();
  m_impl->http.stop();
}

}  // namespace storyline::server
