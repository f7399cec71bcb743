// Timelines from the store: stored articles, replayed in stream order with their stored assignments
// through a fresh TimelineBuilder. One storyline's (storyline_timeline) replays only its articles. The cost follows the storyline's size, not the store's,
// so a server can answer it per request.
//
// What differs from `storyline timeline` over the whole stream: the builder's term statistics (IDF) come
// from the storyline's own articles only, so a story's label and key sentence, which are chosen by TF-IDF
// against its centroid, can be another of its titles or sentences. Dates, ranges, article counts, sources,
// ids and defining entities do not depend on term statistics and are the same.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "storyline/cluster/timeline.hpp"
#include "storyline/common/result.hpp"
#include "storyline/store/store.hpp"

namespace storyline {

// The timeline of `storyline`, or nullopt when the store holds no such storyline (a storyline with no
// article between `options.since` and `options.until` gives a timeline of no articles).
// `options.only_storyline` is ignored (set to `storyline`). Reads one committed state of the store (one
// SQLite read), so it may run on a read-only Store while an ingest writes. Errors: as TimelineBuilder::create
// and ::add; kIoError. Thread-safety: as Store (one Store per thread).
[[nodiscard]] Result<std::optional<Timeline>> storyline_timeline(Store& store, std::uint32_t storyline,
                                                                 TimelineOptions options = {});

// Every storyline's timeline (or, with `options.only_storyline`, that one's), from a replay of the whole
// store in stream order through one TimelineBuilder. Term statistics then come from every stored article,
// so the result is what `storyline timeline` prints for the stream the store was ingested from; the cost
// is text analysis of every stored article. Largest storyline first, as TimelineBuilder::timelines.
// Reads one committed state of the store. Errors: as TimelineBuilder::create and ::add; kIoError;
// kUnsupportedFormat for an edited store (see Store::for_each_article). Thread-safety: as Store.
[[nodiscard]] Result<std::vector<Timeline>> store_timelines(Store& store, TimelineOptions options = {});

}  // namespace storyline
