// Result<T>: a value or an Error, in the spirit of C++23's std::expected (which C++20 lacks).
// Fallible library calls return it so that errors never cross the public API as exceptions.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "storyline/common/error.hpp"

namespace storyline {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}       // NOLINT: implicit by design
  Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}   // NOLINT: implicit by design

  [[nodiscard]] bool has_value() const noexcept { return m_state.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  // Precondition: has_value(). Reading the value of a failed Result is a programming error.
  [[nodiscard]] T& value() & { return std::get<0>(m_state); }
  [[nodiscard]] const T& value() const& { return std::get<0>(m_state); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(m_state)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !has_value().
  [[nodiscard]] const Error& error() const& { return std::get<1>(m_state); }
  [[nodiscard]] Error&& error() && { return std::get<1>(std::move(m_state)); }

 private:
  std::variant<T, Error> m_state;
};

// Success carries no value; failure carries an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT: implicit by design

  [[nodiscard]] bool has_value() const noexcept { return !m_failed; }
  explicit operator bool() const noexcept { return has_value(); }
  [[nodiscard]] const Error& error() const& {
    assert(m_failed);
    return m_error;
  }

 private:
  Error m_error;
  bool m_failed = false;
};

using Status = Result<void>;

}  // namespace storyline
