#include "csvreader.h"

#include <QStringDecoder>

#include <algorithm>

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

bool CsvReader::read(const QByteArray &bytes, const std::function<bool(Record &)> &each, QString *error)
{
    // The bytes are split where the ASCII delimiters are (a UTF-8 sequence never holds one) and
    // each field is decoded on its own: no copy of the whole file as text, no list of every record.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const char *const data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    int line = 1;
    Record record{line, {}};
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    bool invalid = false;
    auto endField = [&] {
        // Most fields are ASCII: Latin-1 decodes those the same and much faster.
        const bool ascii = std::all_of(field.cbegin(), field.cend(), [](char c) { return uchar(c) < 0x80; });
        record.fields << (ascii ? QString::fromLatin1(field) : decoder.decode(field));
        invalid = invalid || decoder.hasError();
        field.resize(0); // keeps the capacity for the next field
        fieldStarted = false;
    };
    auto fail = [&](const QString &message) {
        *error = message;
        return false;
    };
    auto invalidText = [&] {
        return fail(tr("line %1: the file is not valid UTF-8 text").arg(lineOfFirstInvalidUtf8(bytes)));
    };
    // False when 'each' refused the record (it said why) or a field was not UTF-8.
    auto endRecord = [&] {
        endField();
        if (invalid)
            return invalidText();
        // A blank line is not a record.
        if (!(record.fields.size() == 1 && record.fields.first().isEmpty()) && !each(record))
            return false;
        record.line = line;
        record.fields.clear();
        return true;
    };
    int quoteLine = 0;
    for (; i < size; ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < size && data[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == ',') {
            endField();
        } else if (c == '\r') {
            // part of CRLF; a lone CR is ignored too
        } else if (c == '\n') {
            ++line;
            if (!endRecord())
                return false;
        } else {
            // The rest of a plain field in one piece, not a character at a time.
            qsizetype end = i + 1;
            while (end < size && data[end] != ',' && data[end] != '\n' && data[end] != '\r' && data[end] != '"')
                ++end;
            field.append(data + i, end - i);
            fieldStarted = true;
            i = end - 1;
        }
    }
    if (quoted) {
        if (invalid || (endField(), invalid))
            return invalidText();
        return fail(tr("line %1: a quoted field is never closed").arg(quoteLine));
    }
    if (fieldStarted || !field.isEmpty() || !record.fields.isEmpty())
        return endRecord();
    return true;
}

bool CsvReader::parse(const QByteArray &bytes, QList<Record> *records, QString *error)
{
    records->clear();
    QList<Record> read;
    if (!CsvReader::read(
            bytes,
            [&read](Record &r) {
                read.append(r);
                return true;
            },
            error))
        return false;
    *records = read;
    return true;
}

} // namespace cp
