#include "model/names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace claimgraph {
namespace {

enum class Fold { kKeep, kSpace, kDrop };

Fold FoldFor(UChar32 c) {
  if (u_isUWhiteSpace(c) || u_iscntrl(c)) return Fold::kSpace;
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
      return Fold::kSpace;
    case U_OTHER_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return Fold::kDrop;
    default:
      return Fold::kKeep;
  }
}

// Applies `fold` to every code point, collapsing spaces.
template <typename FoldFn>
std::string FoldAndCollapse(const icu::UnicodeString& text, FoldFn fold) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    switch (fold(c)) {
      case Fold::kDrop:
        break;
      case Fold::kSpace:
        pending_space = !out.isEmpty();
        break;
      case Fold::kKeep:
        if (pending_space) out.append(static_cast<UChar>(' '));
        pending_space = false;
        out.append(c);
        break;
    }
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

Fold SpacesOnly(UChar32 c) {
  return (u_isUWhiteSpace(c) || u_iscntrl(c)) ? Fold::kSpace : Fold::kKeep;
}

// What the ICU path does to each ASCII character, computed once through
// ICU itself: the character after case mapping, and how it folds. For
// ASCII-only text that path works character by character (no ASCII
// character composes with another, and each maps to one ASCII character;
// `exact` is false for one that does not, and text containing it takes
// the ICU path), so the table gives byte-identical results without the
// UTF-16 round trip. Names and predicates are nearly always ASCII.
struct AsciiFolds {
  char mapped[128];
  Fold fold[128];
  bool exact[128];
};

template <typename MapFn, typename FoldFn>
AsciiFolds MakeAsciiFolds(MapFn map, FoldFn fold) {
  AsciiFolds table{};
  for (int c = 0; c < 128; ++c) {
    icu::UnicodeString one(static_cast<UChar32>(c));
    icu::UnicodeString out = map(one);
    table.exact[c] = out.length() == 1 && out.charAt(0) < 128;
    table.mapped[c] = table.exact[c] ? static_cast<char>(out.charAt(0)) : 0;
    table.fold[c] = table.exact[c] ? fold(out.charAt(0)) : Fold::kKeep;
  }
  return table;
}

const AsciiFolds& NameFolds() {
  static const AsciiFolds table = MakeAsciiFolds(
      [](const icu::UnicodeString& s) {
        UErrorCode error = U_ZERO_ERROR;
        const icu::Normalizer2* nfkc_cf =
            icu::Normalizer2::getNFKCCasefoldInstance(error);
        if (U_FAILURE(error)) return s;
        icu::UnicodeString out = nfkc_cf->normalize(s, error);
        return U_SUCCESS(error) ? out : s;
      },
      FoldFor);
  return table;
}

const AsciiFolds& PredicateFolds() {
  static const AsciiFolds table = MakeAsciiFolds(
      [](const icu::UnicodeString& s) {
        icu::UnicodeString out = s;
        out.foldCase();
        return out;
      },
      SpacesOnly);
  return table;
}

const AsciiFolds& SpaceFolds() {
  static const AsciiFolds table =
      MakeAsciiFolds([](const icu::UnicodeString& s) { return s; }, SpacesOnly);
  return table;
}

// FoldAndCollapse through `table` when `text` is ASCII and every character
// of it is exact in the table; false (and `out` untouched) otherwise.
bool FoldAscii(std::string_view text, const AsciiFolds& table,
               std::string* out) {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 128 || !table.exact[c]) return false;
  }
  std::string result;
  result.reserve(text.size());
  bool pending_space = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (table.fold[c]) {
      case Fold::kDrop:
        break;
      case Fold::kSpace:
        pending_space = !result.empty();
        break;
      case Fold::kKeep:
        if (pending_space) result.push_back(' ');
        pending_space = false;
        result.push_back(table.mapped[c]);
        break;
    }
  }
  *out = std::move(result);
  return true;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string fast;
  if (FoldAscii(name, NameFolds(), &fast)) return fast;
  return NormalizeNameIcu(name);
}

std::string NormalizeNameIcu(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf =
      icu::Normalizer2::getNFKCCasefoldInstance(error);
  if (U_SUCCESS(error)) {
    icu::UnicodeString folded = nfkc_cf->normalize(text, error);
    if (U_SUCCESS(error)) text = folded;
  }
  return FoldAndCollapse(text, FoldFor);
}

std::string NormalizePredicate(std::string_view predicate) {
  std::string fast;
  if (FoldAscii(predicate, PredicateFolds(), &fast)) return fast;
  return NormalizePredicateIcu(predicate);
}

std::string NormalizePredicateIcu(std::string_view predicate) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(
      predicate.data(), static_cast<int32_t>(predicate.size())));
  text.foldCase();
  return FoldAndCollapse(text, SpacesOnly);
}

std::string CollapseSpaces(std::string_view text) {
  std::string fast;
  if (FoldAscii(text, SpaceFolds(), &fast)) return fast;
  return CollapseSpacesIcu(text);
}

std::string CollapseSpacesIcu(std::string_view text) {
  return FoldAndCollapse(icu::UnicodeString::fromUTF8(icu::StringPiece(
                             text.data(), static_cast<int32_t>(text.size()))),
                         SpacesOnly);
}

}  // namespace claimgraph
