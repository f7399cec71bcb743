// Runs the real storyline binary the way a user would, for end-to-end tests of the CLI.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace storyline::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "storyline-test-XXXXXX").string();
    m_path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    const auto file = m_path / name;
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path m_path;
};

// Runs `storyline <arguments>` through the shell (arguments are passed as written), with `stdin_file`
// as standard input when given.
inline CliRun run_cli(const std::string& arguments, const std::string& stdin_file = "/dev/null") {
  const TempDir scratch;
  const auto out = scratch.path() / "stdout";
  const auto err = scratch.path() / "stderr";
  const std::string command = std::string(STORYLINE_CLI_PATH) + " " + arguments + " <" + stdin_file + " >" +
                              out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

// ../shared beside the source tree, or $STORYLINE_SHARED_DIR.
inline std::filesystem::path shared_dir() {
  if (const char* dir = std::getenv("STORYLINE_SHARED_DIR")) return dir;
  return std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared";
}

// Each line of a JSON Lines output, parsed.
inline std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

}  // namespace storyline::testing
