#pragma once

#include <QString>

namespace cp {

// One CSV field as CommandPost writes and reads it: RFC 4180 quoting, and spreadsheet formulas
// neutralised as OWASP recommends. A text that starts with = + - @, a tab or a carriage return
// is written with a leading single quote, so a spreadsheet shows it instead of running it; the
// text stays readable. Only the CSV carries the quote: the database and JSON keep the text as
// typed, and reading CommandPost's CSV back (readField) removes it again.
class CsvField final
{
public:
    static QString write(const QString &value);
    // The text of a parsed (already unquoted) field, without the quote write() added.
    static QString read(const QString &field);
};

} // namespace cp
