// The web page of `storyline serve` (apps/server/web/): index.html at /, with app.js and style.css, compiled
// into the binary so that the server needs no install path and the page no network. docs/web.md says
// what it shows.
#pragma once

namespace httplib {
class Server;
}

namespace storyline::server {

// Adds GET routes for /, /index.html, /app.js and /style.css. Call before the server listens.
void add_web_routes(httplib::Server& http);

}  // namespace storyline::server
