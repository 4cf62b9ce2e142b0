#include "recognize/lexicon.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace claimgraph::recognize_internal {
namespace {

struct NumEntry {
  NumWord kind;
  double value;
};

const std::unordered_map<std::string_view, NumEntry>& Cardinals() {
  static const auto* map = new std::unordered_map<std::string_view, NumEntry>{
      {"zero", {NumWord::kZero, 0}},
      {"nought", {NumWord::kZero, 0}},
      {"naught", {NumWord::kZero, 0}},
      {"one", {NumWord::kUnit, 1}},
      {"two", {NumWord::kUnit, 2}},
      {"three", {NumWord::kUnit, 3}},
      {"four", {NumWord::kUnit, 4}},
      {"five", {NumWord::kUnit, 5}},
      {"six", {NumWord::kUnit, 6}},
      {"seven", {NumWord::kUnit, 7}},
      {"eight", {NumWord::kUnit, 8}},
      {"nine", {NumWord::kUnit, 9}},
      {"ten", {NumWord::kTeen, 10}},
      {"eleven", {NumWord::kTeen, 11}},
      {"twelve", {NumWord::kTeen, 12}},
      {"thirteen", {NumWord::kTeen, 13}},
      {"fourteen", {NumWord::kTeen, 14}},
      {"fifteen", {NumWord::kTeen, 15}},
      {"sixteen", {NumWord::kTeen, 16}},
      {"seventeen", {NumWord::kTeen, 17}},
      {"eighteen", {NumWord::kTeen, 18}},
      {"nineteen", {NumWord::kTeen, 19}},
      {"twenty", {NumWord::kTens, 20}},
      {"thirty", {NumWord::kTens, 30}},
      {"forty", {NumWord::kTens, 40}},
      {"fifty", {NumWord::kTens, 50}},
      {"sixty", {NumWord::kTens, 60}},
      {"seventy", {NumWord::kTens, 70}},
      {"eighty", {NumWord::kTens, 80}},
      {"ninety", {NumWord::kTens, 90}},
      {"hundred", {NumWord::kHundred, 100}},
      {"hundreds", {NumWord::kHundred, 100}},
      {"thousand", {NumWord::kScale, 1e3}},
      {"thousands", {NumWord::kScale, 1e3}},
      {"million", {NumWord::kScale, 1e6}},
      {"millions", {NumWord::kScale, 1e6}},
      {"billion", {NumWord::kScale, 1e9}},
      {"billions", {NumWord::kScale, 1e9}},
      {"trillion", {NumWord::kScale, 1e12}},
      {"trillions", {NumWord::kScale, 1e12}},
      {"lakh", {NumWord::kScale, 1e5}},
      {"lakhs", {NumWord::kScale, 1e5}},
      {"crore", {NumWord::kScale, 1e7}},
      {"crores", {NumWord::kScale, 1e7}},
  };
  return *map;
}

const std::unordered_map<std::string_view, NumEntry>& Ordinals() {
  static const auto* map = new std::unordered_map<std::string_view, NumEntry>{
      {"first", {NumWord::kUnit, 1}},
      {"second", {NumWord::kUnit, 2}},
      {"third", {NumWord::kUnit, 3}},
      {"fourth", {NumWord::kUnit, 4}},
      {"fifth", {NumWord::kUnit, 5}},
      {"sixth", {NumWord::kUnit, 6}},
      {"seventh", {NumWord::kUnit, 7}},
      {"eighth", {NumWord::kUnit, 8}},
      {"ninth", {NumWord::kUnit, 9}},
      {"nineth", {NumWord::kUnit, 9}},
      {"tenth", {NumWord::kTeen, 10}},
      {"eleventh", {NumWord::kTeen, 11}},
      {"twelfth", {NumWord::kTeen, 12}},
      {"thirteenth", {NumWord::kTeen, 13}},
      {"fourteenth", {NumWord::kTeen, 14}},
      {"fifteenth", {NumWord::kTeen, 15}},
      {"sixteenth", {NumWord::kTeen, 16}},
      {"seventeenth", {NumWord::kTeen, 17}},
      {"eighteenth", {NumWord::kTeen, 18}},
      {"nineteenth", {NumWord::kTeen, 19}},
      {"twentieth", {NumWord::kTens, 20}},
      {"thirtieth", {NumWord::kTens, 30}},
      {"fortieth", {NumWord::kTens, 40}},
      {"fiftieth", {NumWord::kTens, 50}},
      {"sixtieth", {NumWord::kTens, 60}},
      {"seventieth", {NumWord::kTens, 70}},
      {"eightieth", {NumWord::kTens, 80}},
      {"ninetieth", {NumWord::kTens, 90}},
      {"hundredth", {NumWord::kHundred, 100}},
      {"thousandth", {NumWord::kScale, 1e3}},
      {"millionth", {NumWord::kScale, 1e6}},
      {"billionth", {NumWord::kScale, 1e9}},
      {"trillionth", {NumWord::kScale, 1e12}},
  };
  return *map;
}

}  // namespace

NumWord LookupCardinal(std::string_view w, double* value) {
  auto it = Cardinals().find(w);
  if (it == Cardinals().end()) return NumWord::kNone;
  *value = it->second.value;
  return it->second.kind;
}

NumWord LookupOrdinal(std::string_view w, double* value, bool* plural) {
  *plural = false;
  if (w == "half") {
    *value = 2;
    return NumWord::kUnit;
  }
  if (w == "halves") {
    *value = 2;
    *plural = true;
    return NumWord::kUnit;
  }
  if (w == "quarter" || w == "quarters") {
    *value = 4;
    *plural = w.size() == 8;
    return NumWord::kUnit;
  }
  auto it = Ordinals().find(w);
  if (it == Ordinals().end() && w.size() > 2 && w.back() == 's') {
    it = Ordinals().find(w.substr(0, w.size() - 1));
    *plural = it != Ordinals().end();
  }
  if (it == Ordinals().end()) return NumWord::kNone;
  *value = it->second.value;
  return it->second.kind;
}

double LookupSuffixScale(std::string_view w) {
  if (w == "k") return 1e3;
  if (w == "m" || w == "mm" || w == "mil" || w == "mln") return 1e6;
  if (w == "b" || w == "bn" || w == "bln" || w == "g") return 1e9;
  if (w == "t" || w == "tn" || w == "tln") return 1e12;
  return 0;
}

namespace {
const std::unordered_map<std::string_view, int>& MonthMap() {
  static const auto* map = new std::unordered_map<std::string_view, int>{
      {"january", 1},   {"jan", 1},    {"february", 2},  {"feb", 2},
      {"march", 3},     {"mar", 3},    {"april", 4},     {"apr", 4},
      {"may", 5},       {"june", 6},   {"jun", 6},       {"july", 7},
      {"jul", 7},       {"august", 8}, {"aug", 8},       {"september", 9},
      {"sep", 9},       {"sept", 9},   {"october", 10},  {"oct", 10},
      {"november", 11}, {"nov", 11},   {"december", 12}, {"dec", 12},
  };
  return *map;
}
}  // namespace

int LookupMonth(std::string_view w) {
  auto it = MonthMap().find(w);
  return it == MonthMap().end() ? 0 : it->second;
}

namespace {
const std::unordered_map<std::string_view, int>& WeekdayMap() {
  static const auto* map = new std::unordered_map<std::string_view, int>{
      {"monday", 1},    {"mon", 1},       {"tuesday", 2},   {"tue", 2},
      {"tues", 2},      {"wednesday", 3}, {"wed", 3},       {"thursday", 4},
      {"thu", 4},       {"thur", 4},      {"thurs", 4},     {"friday", 5},
      {"fri", 5},       {"saturday", 6},  {"sat", 6},       {"sunday", 7},
      {"sun", 7},       {"mondays", 1},   {"tuesdays", 2},  {"wednesdays", 3},
      {"thursdays", 4}, {"fridays", 5},   {"saturdays", 6}, {"sundays", 7},
  };
  return *map;
}
}  // namespace

int LookupWeekday(std::string_view w) {
  auto it = WeekdayMap().find(w);
  return it == WeekdayMap().end() ? 0 : it->second;
}

namespace {
const std::unordered_map<std::string_view, TimeUnit>& TimeUnitMap() {
  static const auto* map = new std::unordered_map<std::string_view, TimeUnit>{
      {"year", {'Y', false, 1, "year"}},
      {"years", {'Y', false, 1, "year"}},
      {"yr", {'Y', false, 1, "year"}},
      {"yrs", {'Y', false, 1, "year"}},
      {"decade", {'Y', false, 10, "year"}},
      {"decades", {'Y', false, 10, "year"}},
      {"century", {'Y', false, 100, "year"}},
      {"centuries", {'Y', false, 100, "year"}},
      {"month", {'M', false, 1, "month"}},
      {"months", {'M', false, 1, "month"}},
      {"week", {'W', false, 1, "week"}},
      {"weeks", {'W', false, 1, "week"}},
      {"fortnight", {'W', false, 2, "week"}},
      {"fortnights", {'W', false, 2, "week"}},
      {"day", {'D', false, 1, "day"}},
      {"days", {'D', false, 1, "day"}},
      {"hour", {'H', true, 1, "hour"}},
      {"hours", {'H', true, 1, "hour"}},
      {"h", {'H', true, 1, "hour"}},
      {"hr", {'H', true, 1, "hour"}},
      {"hrs", {'H', true, 1, "hour"}},
      {"minute", {'M', true, 1, "minute"}},
      {"minutes", {'M', true, 1, "minute"}},
      {"min", {'M', true, 1, "minute"}},
      {"mins", {'M', true, 1, "minute"}},
      {"second", {'S', true, 1, "second"}},
      {"seconds", {'S', true, 1, "second"}},
      {"sec", {'S', true, 1, "second"}},
      {"secs", {'S', true, 1, "second"}},
  };
  return *map;
}
}  // namespace

TimeUnit LookupTimeUnit(std::string_view w) {
  auto it = TimeUnitMap().find(w);
  return it == TimeUnitMap().end() ? TimeUnit{} : it->second;
}

namespace {
struct CurrencyEntry {
  std::string_view iso;
  bool minor;
};
const std::unordered_map<std::string_view, CurrencyEntry>& CurrencyMap() {
  static const auto* map =
      new std::unordered_map<std::string_view, CurrencyEntry>{
          {"$", {"USD", false}},
          {"dollar", {"USD", false}},
          {"dollars", {"USD", false}},
          {"us$", {"USD", false}},
          {"us dollar", {"USD", false}},
          {"us dollars", {"USD", false}},
          {"u.s. dollars", {"USD", false}},
          {"usd", {"USD", false}},
          {"musd", {"USD", false}},
          {"cent", {"USD", true}},
          {"cents", {"USD", true}},
          {"¢", {"USD", true}},
          {"€", {"EUR", false}},
          {"euro", {"EUR", false}},
          {"euros", {"EUR", false}},
          {"eur", {"EUR", false}},
          {"£", {"GBP", false}},
          {"pound", {"GBP", false}},
          {"pounds", {"GBP", false}},
          {"pounds sterling", {"GBP", false}},
          {"british pounds", {"GBP", false}},
          {"gbp", {"GBP", false}},
          {"pence", {"GBP", true}},
          {"penny", {"GBP", true}},
          {"¥", {"JPY", false}},
          {"yen", {"JPY", false}},
          {"jpy", {"JPY", false}},
          {"yuan", {"CNY", false}},
          {"chinese yuan", {"CNY", false}},
          {"rmb", {"CNY", false}},
          {"renminbi", {"CNY", false}},
          {"cny", {"CNY", false}},
          {"c$", {"CAD", false}},
          {"cad", {"CAD", false}},
          {"canadian dollar", {"CAD", false}},
          {"canadian dollars", {"CAD", false}},
          {"a$", {"AUD", false}},
          {"aud", {"AUD", false}},
          {"australian dollar", {"AUD", false}},
          {"australian dollars", {"AUD", false}},
          {"hk$", {"HKD", false}},
          {"hkd", {"HKD", false}},
          {"hong kong dollars", {"HKD", false}},
          {"nz$", {"NZD", false}},
          {"nzd", {"NZD", false}},
          {"mex$", {"MXN", false}},
          {"mxn", {"MXN", false}},
          {"peso", {"MXN", false}},
          {"pesos", {"MXN", false}},
          {"mexican pesos", {"MXN", false}},
          {"franc", {"CHF", false}},
          {"francs", {"CHF", false}},
          {"swiss franc", {"CHF", false}},
          {"swiss francs", {"CHF", false}},
          {"chf", {"CHF", false}},
          {"rupee", {"INR", false}},
          {"rupees", {"INR", false}},
          {"inr", {"INR", false}},
          {"₹", {"INR", false}},
          {"ruble", {"RUB", false}},
          {"rubles", {"RUB", false}},
          {"roubles", {"RUB", false}},
          {"rub", {"RUB", false}},
          {"lira", {"TRY", false}},
          {"turkish lira", {"TRY", false}},
          {"try", {"TRY", false}},
          {"won", {"KRW", false}},
          {"krw", {"KRW", false}},
          {"₩", {"KRW", false}},
          {"元", {"CNY", false}},
          {"₡", {"CRC", false}},
          {"₾", {"GEL", false}},
          {"₭", {"LAK", false}},
          {"₦", {"NGN", false}},
          {"₱", {"PHP", false}},
          {"₫", {"VND", false}},
          {"₴", {"UAH", false}},
          {"shekels", {"ILS", false}},
          {"₪", {"ILS", false}},
          {"markka", {"FIM", false}},
          {"finnish markka", {"FIM", false}},
          {"guilders", {"NLG", false}},
          {"dutch guilders", {"NLG", false}},
          {"pesetas", {"ESP", false}},
          {"bitcoin", {"XBT", false}},
          {"bitcoins", {"XBT", false}},
          {"btc", {"XBT", false}},
          {"₿", {"XBT", false}},
      };
  return *map;
}

// All lexicon words with their classes, for one lookup per token.
const std::unordered_map<std::string_view, uint16_t>& BitsMap() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, uint16_t>();
    for (const auto& [w, e] : Cardinals()) (*m)[w] |= kLexCardinal;
    for (const auto& [w, e] : Ordinals()) (*m)[w] |= kLexOrdinal;
    for (const auto& [w, e] : MonthMap()) (*m)[w] |= kLexMonth;
    for (const auto& [w, e] : WeekdayMap()) (*m)[w] |= kLexWeekday;
    for (const auto& [w, e] : TimeUnitMap()) (*m)[w] |= kLexTimeUnit;
    for (const auto& [w, e] : CurrencyMap()) {
      (*m)[w.substr(0, w.find(' '))] |= kLexCurrency;
    }
    for (std::string_view w :
         {"a", "an", "half", "halves", "quarter", "quarters", "negative",
          "minus", "dozen", "dozens"}) {
      (*m)[w] |= kLexNumberStart;
    }
    for (std::string_view w :
         {"today",    "yesterday", "tomorrow", "last",    "next",
          "this",     "past",      "previous", "coming",  "following",
          "upcoming", "current",   "mid",      "early",   "late",
          "q",        "since",     "from",     "between", "the",
          "week",     "on"}) {
      (*m)[w] |= kLexDateWord;
    }
    for (std::string_view w : {"us", "c", "hk", "a", "nz", "mex", "u"}) {
      (*m)[w] |= kLexCurrency;
    }
    return m;
  }();
  return *map;
}
}  // namespace

std::string_view LookupCurrencyWord(std::string_view w, bool* minor) {
  auto it = CurrencyMap().find(w);
  if (it == CurrencyMap().end()) return {};
  *minor = it->second.minor;
  return it->second.iso;
}

uint16_t LexiconBits(std::string_view w) {
  uint16_t bits = 0;
  auto it = BitsMap().find(w);
  if (it != BitsMap().end()) bits = it->second;
  if (w.size() > 2 && w.back() == 's') {
    auto it2 = BitsMap().find(w.substr(0, w.size() - 1));
    if (it2 != BitsMap().end()) bits |= it2->second & kLexOrdinal;
  }
  // "MUSD", "MEUR": millions of a currency code.
  if (w.size() == 4 && w[0] == 'm' && BitsMap().count(w.substr(1))) {
    bits |= kLexCurrency;
  }
  if (w.size() > 4 && w.ends_with("long")) bits |= kLexTimeUnit;
  return bits;
}

}  // namespace claimgraph::recognize_internal
