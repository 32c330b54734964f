#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace cp {

// Every CSV CommandPost writes, as RFC 4180 and spreadsheets read it: each record ends with CRLF,
// a field is quoted when it holds a comma, a quote or a line break (quotes doubled). The Excel
// flavour starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 text in the local
// code page ("Ã©" for "é").
class CsvWriter
{
public:
    enum class Flavour
    {
        Rfc4180,
        Excel,
    };

    static QString field(const QString &value);
    static QString record(const QStringList &fields); // the fields, quoted where needed, and CRLF
    static QByteArray preamble(Flavour flavour);      // the BOM for Excel; nothing otherwise
};

} // namespace cp
