// storyline serve: the JSON HTTP API over a store (apps/server), until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli_common.hpp"
#include "commands.hpp"
#include "server.hpp"

namespace storyline::cli {
namespace {

struct ServeFlags {
  std::string db;
  std::string host = server::ServerOptions{}.host;
  int port = server::ServerOptions{}.port;
  std::size_t max_body = server::ServerOptions{}.max_body_bytes;
  std::size_t threads = server::ServerOptions{}.threads;
  std::size_t max_article_bytes = ReadOptions{}.max_article_bytes;
};

int run_serve(const ServeFlags& flags) {
  // SIGINT and SIGTERM are blocked in every thread (the server's threads inherit this mask) and taken by
  // one waiting thread, which stops the server: a request in flight finishes and the ingest run is
  // recorded as finished, instead of the process dying mid-request.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t blocked = stop_signals;
  sigaddset(&blocked, SIGPIPE);  // a client that hangs up mid-response must not end the server
  pthread_sigmask(SIG_BLOCK, &blocked, nullptr);

  server::ServerOptions options;
  options.api.db = flags.db;
  options.host = flags.host;
  options.port = flags.port;
  options.max_body_bytes = flags.max_body;
  options.threads = flags.threads;
  options.api.max_article_bytes = flags.max_article_bytes;
  auto opened = server::Server::open(options);
  if (!opened) {
    return fail(opened.error(),
                opened.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure);
  }
  server::Server& http = **opened;
  if (http.api().replayed() > 0) {
    std::fprintf(stderr, "storyline serve: replayed %llu stored articles in %.2f s\n",
                 static_cast<unsigned long long>(http.api().replayed()), http.api().replay_seconds());
  }
  // Tests and scripts read the port from this line (with --port 0 it is the one the system chose).
  std::fprintf(stderr, "storyline serve: listening on http://%s:%d\n", flags.host.c_str(), http.port());
  std::fflush(stderr);

  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    signalled = true;
    http.stop();
  });
  auto status = http.run();
  // The server stopped on its own (it could not accept): wake the waiter with the signal it waits for.
  if (!signalled) kill(getpid(), SIGTERM);
  waiter.join();
  if (!status) return fail(status.error(), kExitFailure);
  std::fprintf(stderr, "storyline serve: stopped\n");
  return kExitOk;
}

}  // namespace

Command add_serve_command(CLI::App& root) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* app = root.add_subcommand(
      "serve",
      "Serve a store over HTTP as a JSON API: POST /articles adds articles (clustered as 'ingest' does),\n"
      "GET /storylines, /storylines/{id} (timeline), /stories/{id}, /articles/{id}, /articles/{id}/related,\n"
      "/similar?a=ID&b=ID and /health read it. Readers are served while a POST ingests. Stops on SIGINT or\n"
      "SIGTERM. See docs/cli/serve.md.");
  app->add_option("--db", flags->db, "The store: a SQLite file, created when missing")
      ->required()
      ->type_name("PATH");
  app->add_option("--host", flags->host, "Address to listen on (the API has no authentication)")
      ->capture_default_str();
  app->add_option("--port", flags->port, "Port to listen on; 0 picks a free one (printed on stderr)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app->add_option("--max-body", flags->max_body, "Largest request body in bytes; larger ones get 413")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--max-article-bytes", flags->max_article_bytes,
                  "Largest article (title + text bytes) a POST may carry; larger ones get 413")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--threads", flags->threads, "Requests served at once")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return {app, [flags] { return run_serve(*flags); }};
}

}  // namespace storyline::cli
