// Qualifiers of a claim from its clause: time (dates resolved against the
// publication date, ranges, "since"), place, amount, purpose.

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "base/ascii.h"
#include "extract/builder.h"
#include "extract/builder_internal.h"

namespace claimgraph {
using extract_internal::AddQualifier;
using extract_internal::IsDate;
using extract_internal::PlaceMarkers;
using extract_internal::QualifierText;

namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  long y = yoe + era * 400 + (m <= 2);
  char buf[48];  // Room for any three longs, so no truncation is possible.
  std::snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

// A purpose clause: "to V" as an open complement ("hired X to build") or as
// an adverbial clause ("contracted X to build", "in order to build").
bool IsPurposeClause(const Argument& a, const std::string& marker) {
  if (a.role == "xcomp") return marker == "to";
  return a.role.rfind("advcl", 0) == 0 &&
         (marker == "to" || marker == "in order to" || marker == "so as to");
}

}  // namespace

std::string SentenceClaims::NewsDate(const Mention& m) const {
  const std::string& published = source_.published();
  StatusOr<Date> date = ParseIsoDate(published.substr(0, 10));
  std::optional<Date> on;
  if (date.ok()) on = *date;
  const std::string& t = m.timex;
  // "between 2020 and 2024", timex (2020-01-01,2024-01-01,P4Y): the two
  // ends at the precision written, as an ISO interval (2020/2024).
  if (t.size() > 2 && t.front() == '(' && t.back() == ')') {
    size_t comma = t.find(',');
    size_t second = t.find(',', comma + 1);
    if (comma != std::string::npos && second != std::string::npos) {
      size_t keep = m.precision == "year" ? 4 : m.precision == "month" ? 7 : 10;
      std::string from = t.substr(1, comma - 1).substr(0, keep);
      std::string to = t.substr(comma + 1, second - comma - 1).substr(0, keep);
      return ResolvedDate(from, on) + "/" + ResolvedDate(to, on);
    }
  }
  std::string point = ResolvedDate(t.empty() ? m.text : t, on);
  // "since 2020": from then up to publication (2020/2025-06-02).
  if (AsciiLower(m.cue) == "since" && point.find('/') == std::string::npos &&
      !point.empty() && std::isdigit(static_cast<unsigned char>(point[0])) &&
      published.size() >= 10) {
    return point + "/" + published.substr(0, 10);
  }
  return point;
}

std::string SentenceClaims::ResolvedDate(const std::string& t,
                                         const std::optional<Date>& date) {
  // "the current fiscal year" (FY2025): the year it is named by.
  if (t.size() == 6 && t.rfind("FY", 0) == 0 &&
      std::all_of(t.begin() + 2, t.end(),
                  [](unsigned char c) { return std::isdigit(c); }))
    return t.substr(2);
  if (!date) return t;
  // A bare weekday ("on Thursday", timex XXXX-WXX-4) in news is the last
  // such day on or before publication.
  if (t.size() == 10 && t.rfind("XXXX-WXX-", 0) == 0) {
    int weekday = t[9] - '0';  // ISO: 1 = Monday.
    long day = DaysFromCivil(date->year, date->month, date->day);
    // 1970-01-01 was a Thursday (ISO 4).
    int published_weekday = static_cast<int>(((day % 7) + 7 + 3) % 7) + 1;
    if (weekday >= 1 && weekday <= 7) {
      return CivilFromDays(day - ((published_weekday - weekday + 7) % 7));
    }
  }
  // A bare month ("in May", XXXX-05) is the last such month on or before
  // publication: in May 2025 for a story of July 2025, and of 2024 for a
  // story of February 2025.
  if (t.size() == 7 && t.rfind("XXXX-", 0) == 0 &&
      std::isdigit(static_cast<unsigned char>(t[5])) &&
      std::isdigit(static_cast<unsigned char>(t[6]))) {
    int month = std::stoi(t.substr(5));
    if (month >= 1 && month <= 12) {
      long year = date->year - (month > date->month ? 1 : 0);
      char buf[16];
      std::snprintf(buf, sizeof(buf), "%04ld-%02d", year, month);
      return buf;
    }
  }
  return t;
}

Phrase SentenceClaims::WithMarker(const Phrase& phrase) const {
  // "between 2020 and 2024", "since 2020": the date mention starts at the
  // preposition, which the argument's words leave out.
  Phrase out = phrase;
  if (phrase.empty()) return out;
  for (int k = phrase.words.front() - 1; k >= 1; --k) {
    const Word& w = sentence_.words[k - 1];
    if (w.head != phrase.head || (w.deprel != "case" && w.deprel != "mark"))
      break;
    out.words.insert(out.words.begin(), k);
  }
  return out;
}

std::string SentenceClaims::CalendarPhrase(int w) const {
  // "this spring" -> the publication year; "the first quarter" -> that
  // quarter, the last such one on or before publication (2025-Q1).
  const std::string& published = source_.published();
  StatusOr<Date> date = ParseIsoDate(published.substr(0, 10));
  if (!date.ok()) return "";
  std::string lemma = AsciiLower(sentence_.words[w - 1].lemma);
  std::string det, ordinal;
  for (int k : Children(w)) {
    const Word& kw = sentence_.words[k - 1];
    if (kw.deprel == "det") det = AsciiLower(kw.form);
    if (kw.deprel == "amod") ordinal = AsciiLower(kw.form);
  }
  static const std::set<std::string> kSeasons = {"spring", "summer", "fall",
                                                 "autumn", "winter"};
  if (kSeasons.contains(lemma) && det == "this")
    return std::to_string(date->year);
  static const std::map<std::string, int> kOrdinals = {
      {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}};
  auto it = kOrdinals.find(ordinal);
  if (lemma == "quarter" && det == "the" && it != kOrdinals.end()) {
    int quarter = it->second;
    int year = date->year - (quarter > (date->month - 1) / 3 + 1 ? 1 : 0);
    return std::to_string(year) + "-Q" + std::to_string(quarter);
  }
  return "";
}

void SentenceClaims::AddQualifiers(const Proposition& p, const Argument* object,
                                   Claim* claim) {
  // Calendar phrases the recognizer leaves alone, in the claim's own
  // clause (up the tree to its predicate without crossing another verb).
  for (int w = 1; w <= static_cast<int>(sentence_.words.size()); ++w) {
    std::string when = CalendarPhrase(w);
    if (when.empty()) continue;
    int at = sentence_.words[w - 1].head;
    for (int steps = 0; at > 0 && at != p.predicate && steps < 8; ++steps) {
      if (sentence_.words[at - 1].upos == "VERB") break;
      at = sentence_.words[at - 1].head;
    }
    if (at == p.predicate) AddQualifier("time", when, claim);
  }
  for (const Argument& a : p.arguments) {
    if (&a == object) continue;
    // Dates inside a clausal argument date that clause, not this claim.
    bool clausal =
        a.role == "xcomp" || a.role == "ccomp" || a.role.rfind("advcl", 0) == 0;
    for (const Mention* m : MentionsIn(WithMarker(a.phrase))) {
      if (IsDate(m->type) && !clausal)
        AddQualifier("time", NewsDate(*m), claim);
      if (m->type == MentionType::kCurrency)
        AddQualifier("amount", m->text, claim);
    }
    std::string marker = AsciiLower(a.marker);
    if (PlaceMarkers().contains(marker)) AddPlaces(a.phrase.head, claim);
    if (!clausal) AddModifierPlaces(a.phrase.head, claim);
    if (IsPurposeClause(a, marker)) {
      AddQualifier("purpose", QualifierText(sentence_, a.phrase.words), claim);
    }
  }
  if (object != nullptr && claim->has_object()) {
    for (const Mention* m : MentionsIn(object->phrase)) {
      if (m->type == MentionType::kCurrency)
        AddQualifier("amount", m->text, claim);
    }
  }
  // "ran 4,000 searches between January and March", "received $250 million
  // in contracts since 2020": a dated prepositional phrase the parse hung
  // on the object noun dates the event (a noun's own date, "a 2017
  // program", does not).
  if (object != nullptr) {
    // "runs a shelter in Tijuana" when the place is part of the object's
    // name is no place of the claim.
    Claim places;
    AddModifierPlaces(object->phrase.head, &places);
    for (const auto& q : places.qualifiers()) {
      if (!claim->has_object() ||
          claim->object().name().find(q.value()) == std::string::npos)
        AddQualifier("place", q.value(), claim);
    }
    for (const Mention* m : MentionsIn(object->phrase)) {
      if (!IsDate(m->type)) continue;
      int first = 0;
      for (int k : object->phrase.words) {
        const Word& w = sentence_.words[k - 1];
        if (w.start >= m->start && w.end <= m->end && w.upos != "ADP") {
          first = k;
          break;
        }
      }
      if (first == 0) continue;
      const Word& w = sentence_.words[first - 1];
      bool marked = false;
      for (int k : Children(first)) {
        marked = marked || sentence_.words[k - 1].deprel == "case";
      }
      if (w.deprel == "nmod" && marked && first != object->phrase.head)
        AddQualifier("time", NewsDate(*m), claim);
    }
  }
}

void SentenceClaims::AddPlaces(int head, Claim* claim) {
  // "in Arizona, Texas and California": one place qualifier per conjunct.
  // ("near Santa Teresa, New Mexico", with no coordinator, is one place
  // and the region it is in.)
  std::vector<int> heads = {head};
  bool coordinated = false;
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel != "conj") continue;
    heads.push_back(k);
    for (int c : Children(k))
      coordinated = coordinated || sentence_.words[c - 1].deprel == "cc";
  }
  if (!coordinated) heads.resize(1);
  for (int k : heads) {
    const NameMention* name = NameAt(k);
    if (name && k == head) {
      if (name->entity.type() == LOCATION)
        AddQualifier("place", name->entity.name(), claim);
      continue;
    }
    if (name) {
      // A later conjunct is named by its own proper nouns when its name
      // runs into others: "Arizona, Texas and California" read as the town
      // "Arizona, Texas", or "Texas and California" as one body's name.
      bool merged = NameAt(head) == name;
      for (int w = name->first; w <= name->last; ++w)
        merged = merged || sentence_.words[w - 1].deprel == "cc";
      if (!merged) {
        if (name->entity.type() == LOCATION)
          AddQualifier("place", name->entity.name(), claim);
        continue;
      }
      std::vector<int> words = {k};
      for (int c : Children(k)) {
        const Word& cw = sentence_.words[c - 1];
        if (c < k && cw.upos == "PROPN" &&
            (cw.deprel == "compound" || cw.deprel == "flat"))
          words.push_back(c);
      }
      std::sort(words.begin(), words.end());
      AddQualifier("place", WordsText(sentence_, words), claim);
      continue;
    }
    // "the Chicago area", "the Arizona border": a place of its own, named
    // by the place and the kind; "18 California cities": places in the
    // named one.
    const Word& w = sentence_.words[k - 1];
    const NameMention* before = k > 1 ? NameAt(k - 1) : nullptr;
    if (w.upos != "NOUN" || !before || before->last != k - 1 ||
        before->entity.type() != LOCATION)
      continue;
    std::string lemma = AsciiLower(w.lemma);
    if (lemma == "area" || lemma == "border" || lemma == "region") {
      AddQualifier("place", before->entity.name() + " " + w.form, claim);
    } else if (lemma == "city" || lemma == "county" || lemma == "town" ||
               lemma == "community") {
      AddQualifier("place", before->entity.name(), claim);
    }
  }
}

void SentenceClaims::AddModifierPlaces(int head, Claim* claim) {
  // "installed 300 towers in Arizona", "fly drones from bases in Laredo":
  // the parse often hangs the verb's place on the noun before it.
  for (int k : Children(head)) {
    if (sentence_.words[k - 1].deprel != "nmod") continue;
    for (int c : Children(k)) {
      const Word& m = sentence_.words[c - 1];
      if (m.deprel == "case" && c < k &&
          PlaceMarkers().contains(AsciiLower(m.form))) {
        AddPlaces(k, claim);
        break;
      }
    }
  }
}

}  // namespace claimgraph
