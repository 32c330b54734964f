#include "incidentjson.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace cp {

using namespace IncidentFormat;

namespace {

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53: every integer below is exact in JSON

// One JSON value as text (strings escaped the way QJsonDocument does it).
QByteArray valueText(const QJsonValue &value)
{
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

// A string as QJsonDocument writes it (qjsonwriter.cpp): '"', '\\' and control characters escaped,
// the rest as UTF-8, a lone surrogate as \uXXXX. Written directly: a QJsonDocument per value made
// exporting 5,000 entries take 20 times the floor.
void appendString(QByteArray &out, QStringView text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A run of characters written as they are, in one piece.
        qsizetype plain = i;
        while (plain < text.size() && text.at(plain).unicode() >= 0x20 && text.at(plain).unicode() < 0x80 &&
               text.at(plain) != u'"' && text.at(plain) != u'\\')
            ++plain;
        if (plain > i) {
            const qsizetype at = out.size();
            out.resize(at + (plain - i));
            char *to = out.data() + at;
            for (qsizetype k = i; k < plain; ++k)
                *to++ = char(text.at(k).unicode());
            i = plain - 1;
            continue;
        }
        const char16_t u = text.at(i).unicode();
        if (u >= 0x80) {
            const bool pair = QChar::isHighSurrogate(u) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
            if (QChar::isSurrogate(u) && !pair) {
                out += "\\u";
                for (int shift = 12; shift >= 0; shift -= 4)
                    out += Hex[(u >> shift) & 0xf];
                continue;
            }
            out += text.sliced(i, pair ? 2 : 1).toUtf8();
            i += pair ? 1 : 0;
            continue;
        }
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += Hex[u >> 4];
                out += Hex[u & 0xf];
            } else {
                out += char(u);
            }
        }
    }
    out += '"';
}

// "2025-11-24T16:00:00.000Z": the length of a time as the document writes it.
constexpr int TimeTextSize = 24;

// A time as QDateTime writes it in Qt::ISODateWithMs (UTC), digit by digit: the exports write one
// or more per row, and QDateTime's formatting is most of an export's time. False for the years
// outside 1–9999, which QDateTime writes its own way (it has no year 0: 1 BC is its year -1).
bool formatTime(qint64 ms, char *text)
{
    const qint64 dayMs = 86400000;
    qint64 days = ms / dayMs;
    qint64 rest = ms % dayMs;
    if (rest < 0) {
        rest += dayMs;
        --days;
    }
    // Days since 1970-01-01 to the proleptic Gregorian calendar (H. Hinnant, civil_from_days).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999)
        return false;
    auto digits = [&text](int at, qint64 value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    digits(0, year, 4);
    text[4] = '-';
    digits(5, month, 2);
    text[7] = '-';
    digits(8, day, 2);
    text[10] = 'T';
    digits(11, rest / 3600000, 2);
    text[13] = ':';
    digits(14, rest / 60000 % 60, 2);
    text[16] = ':';
    digits(17, rest / 1000 % 60, 2);
    text[19] = '.';
    digits(20, rest % 1000, 3);
    text[23] = 'Z';
    return true;
}

// The days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant,
// days_from_civil): formatTime() backwards.
qint64 daysFromCivil(qint64 year, qint64 month, qint64 day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yoe = year - era * 400;
    const qint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void appendField(QByteArray &out, const Field &field, const QVariant &value)
{
    if (value.isNull()) {
        out += "null";
        return;
    }
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Ref:
    case FieldType::Int:
        out += QByteArray::number(value.toLongLong());
        return;
    case FieldType::Time: {
        char text[TimeTextSize];
        if (!formatTime(value.toLongLong(), text)) {
            appendString(out, IncidentJson::timeText(value.toLongLong()));
            return;
        }
        out += '"';
        out.append(text, TimeTextSize);
        out += '"';
        return;
    }
    case FieldType::Bool:
        out += value.toLongLong() != 0 ? "true" : "false";
        return;
    case FieldType::Text:
        appendString(out, value.toString());
        return;
    }
    out += "null";
}

void appendRow(QByteArray &out, const Section &section, const QVariantList &row)
{
    out += '{';
    for (qsizetype i = 0; i < section.fields.size(); ++i) {
        const Field &field = section.fields.at(i);
        if (i > 0)
            out += ", ";
        appendString(out, field.name);
        out += ": ";
        appendField(out, field, row.value(i));
    }
    out += '}';
}

QString pointerPart(QString part)
{
    part.replace(QLatin1Char('~'), QStringLiteral("~0"));
    part.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return part;
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

std::optional<qint64> exactInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > MaxExactInteger)
        return std::nullopt;
    return static_cast<qint64>(d);
}

// The place of a "\\uD800"-style escape that is half of a surrogate pair without its other half,
// or -1. Qt's parser would merge it with the next character or replace it silently.
qsizetype loneSurrogateEscape(const QByteArray &bytes)
{
    auto unit = [&bytes](qsizetype at) -> int { // the code unit of a \\uXXXX escape at 'at', or -1
        if (at + 6 > bytes.size() || bytes.at(at) != '\\' || bytes.at(at + 1) != 'u')
            return -1;
        bool ok = false;
        const int value = bytes.mid(at + 2, 4).toInt(&ok, 16);
        return ok ? value : -1;
    };
    for (qsizetype i = 0; i + 5 < bytes.size(); ++i) {
        if (bytes.at(i) != '\\')
            continue;
        if (bytes.at(i + 1) != 'u') {
            ++i; // an escaped character ("\\\\" included): skip it
            continue;
        }
        const int u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            const int next = unit(i + 6);
            if (next < 0xDC00 || next > 0xDFFF)
                return i;
            i += 11;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return i;
        } else {
            i += 5;
        }
    }
    return -1;
}

// Reads and checks one document; the first problem ends it.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(cp::IncidentJson)
public:
    Result<IncidentDocument> read(const QByteArray &bytes);

private:
    StoreError fail(const QString &pointer, const QString &message) const
    {
        return {StoreError::Code::Invalid,
                tr("%1: %2").arg(pointer.isEmpty() ? QStringLiteral("/") : pointer, message)};
    }
    StoreError readSection(const Section &section, const QJsonValue &value, DocumentSection &out);
    StoreError readRow(const Section &section, const QJsonObject &object, const QString &pointer, QVariantList &row);
    // 'rowPointer': where the field's row is.
    StoreError readField(const Field &field, const QJsonValue &value, const QString &rowPointer, QVariant &out);
    StoreError checkReferences(const IncidentDocument &document);

    // Per section: document id → the pointer of the row that has it.
    QHash<QString, QHash<qint64, QString>> m_ids;
};

Result<IncidentDocument> Reader::read(const QByteArray &bytes)
{
    if (bytes.trimmed().isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("The file is empty."));
    if (const qsizetype at = loneSurrogateEscape(bytes); at >= 0) {
        const QByteArray before = bytes.left(at);
        return StoreError(StoreError::Code::Invalid,
                          tr("line %1, column %2: %3 is half of a UTF-16 surrogate pair, which is not text")
                              .arg(before.count('\n') + 1)
                              .arg(at - (before.lastIndexOf('\n') + 1) + 1)
                              .arg(QString::fromLatin1(bytes.mid(at, 6))));
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return StoreError(
            StoreError::Code::Invalid,
            tr("line %1, column %2: %3 (is the file complete?)").arg(line).arg(column).arg(parseError.errorString()));
    }
    if (!json.isObject())
        return fail(QString(), tr("a CommandPost incident document is a JSON object"));
    const QJsonObject root = json.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != QLatin1String(FormatName))
        return fail(QStringLiteral("/format"),
                    format.isUndefined()
                        ? tr("missing; expected \"%1\"").arg(QLatin1String(FormatName))
                        : tr("is %1, not \"%2\"").arg(QString::fromUtf8(valueText(format)), QLatin1String(FormatName)));
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const auto version = exactInteger(versionValue);
    if (!version)
        return fail(QStringLiteral("/version"), versionValue.isUndefined()
                                                    ? tr("missing")
                                                    : tr("must be a whole number, not %1").arg(typeName(versionValue)));
    if (*version != Version)
        return fail(QStringLiteral("/version"),
                    tr("unknown version %1; this CommandPost reads version %2").arg(*version).arg(Version));

    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (it.key() != QLatin1String("format") && it.key() != QLatin1String("version") && !section(it.key()))
            return fail(QLatin1Char('/') + pointerPart(it.key()), tr("unknown section"));
    }

    IncidentDocument document;
    document.version = int(*version);
    for (const Section &s : sections()) {
        DocumentSection out;
        out.name = s.name;
        if (StoreError error = readSection(s, root.value(s.name), out); !error.ok())
            return error;
        document.sections << out;
    }
    if (StoreError error = checkReferences(document); !error.ok())
        return error;
    return document;
}

StoreError Reader::readSection(const Section &section, const QJsonValue &value, DocumentSection &out)
{
    const QString pointer = QLatin1Char('/') + section.name;
    if (section.scope == Scope::Incident) {
        if (value.isUndefined())
            return fail(pointer, tr("missing: the document has no incident"));
        if (!value.isObject())
            return fail(pointer, tr("must be an object, not %1").arg(typeName(value)));
        QVariantList row;
        if (StoreError error = readRow(section, value.toObject(), pointer, row); !error.ok())
            return error;
        out.rows << row;
        return {};
    }
    if (value.isUndefined())
        return {}; // a section a document may leave out: no rows
    if (!value.isArray())
        return fail(pointer, tr("must be a list, not %1").arg(typeName(value)));
    const QJsonArray array = value.toArray();
    QHash<QString, QString> naturalKeys;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString rowPointer = pointer + QLatin1Char('/') + QString::number(i);
        if (!array.at(i).isObject())
            return fail(rowPointer, tr("must be an object, not %1").arg(typeName(array.at(i))));
        QVariantList row;
        if (StoreError error = readRow(section, array.at(i).toObject(), rowPointer, row); !error.ok())
            return error;
        if (!section.naturalKey.isEmpty()) {
            const QString key = array.at(i).toObject().value(section.naturalKey).toString().toLower();
            if (naturalKeys.contains(key))
                return fail(rowPointer + QLatin1Char('/') + section.naturalKey,
                            tr("\"%1\" appears twice (also at %2)").arg(key, naturalKeys.value(key)));
            naturalKeys.insert(key, rowPointer);
        }
        out.rows << row;
    }
    return {};
}

StoreError Reader::readRow(const Section &section, const QJsonObject &object, const QString &pointer, QVariantList &row)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!section.field(it.key()))
            return fail(pointer + QLatin1Char('/') + pointerPart(it.key()), tr("unknown field"));
    }
    row.reserve(section.fields.size());
    for (const Field &field : section.fields) {
        const QJsonValue value = object.value(field.name);
        if (value.isUndefined())
            return fail(pointer + QLatin1Char('/') + field.name, tr("missing"));
        QVariant v;
        if (StoreError error = readField(field, value, pointer, v); !error.ok())
            return error;
        if (field.type == FieldType::Id) {
            auto &ids = m_ids[section.name];
            const qint64 id = v.toLongLong();
            if (ids.contains(id))
                return fail(pointer + QLatin1Char('/') + field.name,
                            tr("duplicate id %1 (also at %2)").arg(id).arg(ids.value(id)));
            ids.insert(id, pointer);
        }
        row << v;
    }
    return {};
}

StoreError Reader::readField(const Field &field, const QJsonValue &value, const QString &rowPointer, QVariant &out)
{
    // Where a problem is: made only for a message (a document of 5,000 rows has 50,000 fields).
    const auto pointer = [&] { return rowPointer + QLatin1Char('/') + field.name; };
    if (value.isNull()) {
        if (!field.nullable)
            return fail(pointer(), tr("must not be null"));
        out = QVariant();
        return {};
    }
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Ref: {
        const auto id = exactInteger(value);
        if (!id)
            return fail(pointer(), tr("must be an id (a whole number), not %1").arg(typeName(value)));
        if (*id < 1)
            return fail(pointer(), tr("ids start at 1, not %1").arg(*id));
        out = *id;
        return {};
    }
    case FieldType::Int: {
        const auto number = exactInteger(value);
        if (!number)
            return fail(pointer(), tr("must be a whole number, not %1").arg(typeName(value)));
        if (field.min < field.max && (*number < field.min || *number > field.max))
            return fail(pointer(), tr("%1 is outside %2–%3").arg(*number).arg(field.min).arg(field.max));
        out = *number;
        return {};
    }
    case FieldType::Time: {
        if (!value.isString())
            return fail(pointer(),
                        tr("must be a UTC time like \"2026-11-22T14:00:00.000Z\", not %1").arg(typeName(value)));
        const auto ms = IncidentJson::parseTime(value.toString());
        if (!ms)
            return fail(pointer(),
                        tr("\"%1\" is not a UTC time like \"2026-11-22T14:00:00.000Z\"").arg(value.toString()));
        out = *ms;
        return {};
    }
    case FieldType::Bool:
        if (!value.isBool())
            return fail(pointer(), tr("must be true or false, not %1").arg(typeName(value)));
        out = value.toBool() ? 1 : 0;
        return {};
    case FieldType::Text:
        if (!value.isString())
            return fail(pointer(), tr("must be a string, not %1").arg(typeName(value)));
        if (!field.choices.isEmpty() && !field.choices.contains(value.toString()))
            return fail(pointer(),
                        tr("\"%1\" is not one of %2").arg(value.toString(), field.choices.join(QStringLiteral(", "))));
        out = value.toString();
        return {};
    }
    return fail(pointer(), tr("unreadable"));
}

StoreError Reader::checkReferences(const IncidentDocument &document)
{
    for (const Section &s : sections()) {
        const DocumentSection *rows = document.section(s.name);
        for (qsizetype f = 0; f < s.fields.size(); ++f) {
            const Field &field = s.fields.at(f);
            if (field.type != FieldType::Ref)
                continue;
            const auto targets = m_ids.value(field.refSection);
            for (qsizetype r = 0; r < rows->rows.size(); ++r) {
                const QVariant v = rows->rows.at(r).value(f);
                if (v.isNull() || targets.contains(v.toLongLong()))
                    continue;
                const QString pointer = s.scope == Scope::Incident
                                            ? QStringLiteral("/%1/%2").arg(s.name, field.name)
                                            : QStringLiteral("/%1/%2/%3").arg(s.name).arg(r).arg(field.name);
                return fail(pointer, tr("no %1 row has id %2").arg(field.refSection).arg(v.toLongLong()));
            }
        }
    }
    return {};
}

} // namespace

QString IncidentJson::timeText(qint64 msSinceEpoch)
{
    char text[TimeTextSize];
    if (!formatTime(msSinceEpoch, text))
        return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
    return QString::fromLatin1(text, TimeTextSize);
}

std::optional<qint64> IncidentJson::parseTime(const QString &text)
{
    // Exactly what timeText() writes: "2026-11-22T14:00:00.123Z", a real date and time of the
    // years 1–9999 (no 24:00, no February 30), read digit by digit (an import reads several a row).
    if (text.size() != TimeTextSize)
        return std::nullopt;
    static constexpr char Shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    qint64 value[7] = {};
    int part = 0;
    for (int i = 0; i < TimeTextSize; ++i) {
        const char16_t c = text.at(i).unicode();
        if (Shape[i] != 'd') {
            if (c != char16_t(Shape[i]))
                return std::nullopt;
            ++part;
            continue;
        }
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value[part] = value[part] * 10 + (c - u'0');
    }
    const auto [year, month, day, hour, minute, second, ms] = value;
    static constexpr int MonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > MonthDays[month - 1] + (month == 2 && leap ? 1 : 0) ||
        hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    return daysFromCivil(year, month, day) * 86400000 + hour * 3600000 + minute * 60000 + second * 1000 + ms;
}

QByteArray IncidentJson::write(const IncidentDocument &document)
{
    QByteArray out = "{\n  \"format\": " + valueText(QLatin1String(FormatName)) +
                     ",\n  \"version\": " + QByteArray::number(document.version);
    for (const Section &s : sections()) {
        const DocumentSection *rows = document.section(s.name);
        if (s.scope == Scope::Incident) {
            if (rows && !rows->rows.isEmpty()) {
                out += ",\n  " + valueText(s.name) + ": ";
                appendRow(out, s, rows->rows.constFirst());
            }
            continue;
        }
        out += ",\n  " + valueText(s.name) + ": [";
        if (rows) {
            for (qsizetype i = 0; i < rows->rows.size(); ++i) {
                out += i == 0 ? "\n    " : ",\n    ";
                appendRow(out, s, rows->rows.at(i));
            }
            if (!rows->rows.isEmpty())
                out += "\n  ";
        }
        out += ']';
    }
    return out + "\n}\n";
}

Result<IncidentDocument> IncidentJson::read(const QByteArray &bytes)
{
    Reader reader;
    return reader.read(bytes);
}

} // namespace cp
