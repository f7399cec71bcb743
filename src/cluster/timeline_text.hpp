// Private: the text side of timelines (timeline.cpp). A story's label and key sentence are chosen among
// candidates (titles, sentences) by their closeness to the story's centroid; these are the candidates,
// the centroid they are ranked against, and the cutting of a text into sentences and output lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storyline/text/tokenize.hpp"

namespace storyline::detail::timeline_text {

using Centroid = std::unordered_map<std::uint32_t, double>;          // term id -> summed weight
using SparseVector = std::vector<std::pair<std::uint32_t, double>>;  // unit length

struct Candidate {
  std::string text;
  SparseVector terms;
  std::uint64_t order = 0;  // when it was seen; the earlier wins a tie
};

// Dot product of a vector with a centroid.
double dot(const SparseVector& vector, const Centroid& centroid);
// Scales a vector to unit length (an all-zero one stays as it is).
void normalise(SparseVector& vector);
// Keeps the `limit` candidates closest to the centroid as it is now (the earlier seen on a tie).
void keep_best(std::vector<Candidate>& pool, const Centroid& centroid, std::size_t limit);
// The text of the candidate closest to the centroid, or "" when there is none.
std::string best_of(const std::vector<Candidate>& pool, const Centroid& centroid);

// Runs of white space (line breaks included) become one space, for a line of output.
std::string collapse_spaces(std::string_view text);
// Cuts at the last space before `limit` bytes (never inside a UTF-8 sequence) and marks the cut.
std::string shorten(std::string text, std::size_t limit);

// A sentence as a run of tokens [first, last) and the bytes [begin, end) of the text it covers.
struct Sentence {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Sentences from the tokenizer's sentence starts, into `out` (cleared first).
void split_sentences(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>& out);

}  // namespace storyline::detail::timeline_text
