#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>

namespace cp {

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; a
// UTF-8 byte-order mark is skipped. Each record remembers the line it started on, so import
// errors can name it.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(cp::CsvReader)
public:
    struct Record
    {
        int line = 0;
        QStringList fields;
    };

    // Returns false and sets *error ("line 7: …") on invalid UTF-8 or an unclosed quote.
    static bool parse(const QByteArray &bytes, QList<Record> *records, QString *error);
    // The same, one record at a time, none kept: 'each' gets every record in order and returns
    // false to stop (having set *error). A problem of the file itself is found when its record is
    // reached, so records before it have been handed out.
    static bool read(const QByteArray &bytes, const std::function<bool(Record &)> &each, QString *error);
};

} // namespace cp
