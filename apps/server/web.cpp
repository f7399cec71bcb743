#include "web.hpp"

#include <httplib.h>

#include <string_view>

#include "web/app_js.hpp"
#include "web/index_html.hpp"
#include "web/style_css.hpp"

namespace storyline::server {
namespace {

void serve(httplib::Server& http, const char* path, std::string_view content, const char* type) {
  http.Get(path, [content, type](const httplib::Request&, httplib::Response& response) {
    // The page lives in the binary: a new binary brings a new page, so the browser must ask again rather
    // than keep an old app.js beside a new index.html.
    response.set_header("Cache-Control", "no-cache");
    response.set_header("X-Content-Type-Options", "nosniff");
    // Only the page's own files and API: a second fence, after the page's rule of putting text from the
    // store into text nodes only.
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                        "frame-ancestors 'none'");
    response.set_content(content.data(), content.size(), type);
  });
}

}  // namespace

void add_web_routes(httplib::Server& http) {
  serve(http, "/", detail::kWebIndexHtml, "text/html; charset=utf-8");
  serve(http, "/index.html", detail::kWebIndexHtml, "text/html; charset=utf-8");
  serve(http, "/app.js", detail::kWebAppJs, "text/javascript; charset=utf-8");
  serve(http, "/style.css", detail::kWebStyleCss, "text/css; charset=utf-8");
}

}  // namespace storyline::server
