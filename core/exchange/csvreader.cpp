#include "csvreader.h"

#include <QStringDecoder>

namespace cp {

namespace {

// One pass over the bytes: the line (1-based) holding the first malformed UTF-8 sequence.
int lineOfFirstInvalidUtf8(const QByteArray &bytes)
{
    int line = 1;
    for (qsizetype i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        int extra = 0;
        unsigned int minimum = 0;
        unsigned int code = 0;
        if (c < 0x80) {
            if (c == '\n')
                ++line;
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, minimum = 0x80, code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, minimum = 0x800, code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, minimum = 0x10000, code = c & 0x07;
        } else {
            return line;
        }
        if (i + extra >= bytes.size())
            return line;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(bytes.at(i + k));
            if ((cc & 0xC0) != 0x80)
                return line;
            code = (code << 6) | (cc & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return line;
        i += extra + 1;
    }
    return line;
}

} // namespace

bool CsvReader::parse(const QByteArray &bytes, QList<Record> *records, QString *error)
{
    records->clear();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = tr("line %1: the file is not valid UTF-8 text").arg(lineOfFirstInvalidUtf8(bytes));
        return false;
    }

    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    int line = 1;
    Record record{line, {}};
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    auto endField = [&] {
        record.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is not a record.
        if (!(record.fields.size() == 1 && record.fields.first().isEmpty()))
            records->append(record);
        record = Record{line, {}};
    };
    int quoteLine = 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            // part of CRLF; a lone CR is ignored too
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else {
            // The rest of a plain field in one piece, not a character at a time.
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != u',' && text.at(end) != u'\n' && text.at(end) != u'\r' &&
                   text.at(end) != u'"')
                ++end;
            field += QStringView(text).sliced(i, end - i);
            fieldStarted = true;
            i = end - 1;
        }
    }
    if (quoted) {
        *error = tr("line %1: a quoted field is never closed").arg(quoteLine);
        return false;
    }
    if (fieldStarted || !field.isEmpty() || !record.fields.isEmpty())
        endRecord();
    return true;
}

} // namespace cp
