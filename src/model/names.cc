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

}  // namespace

std::string NormalizeName(std::string_view name) {
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
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(
      predicate.data(), static_cast<int32_t>(predicate.size())));
  text.foldCase();
  return FoldAndCollapse(text, SpacesOnly);
}

std::string CollapseSpaces(std::string_view text) {
  return FoldAndCollapse(icu::UnicodeString::fromUTF8(icu::StringPiece(
                             text.data(), static_cast<int32_t>(text.size()))),
                         SpacesOnly);
}

}  // namespace claimgraph
