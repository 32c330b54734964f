#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

// How the store turns values into columns and back. Shared by the store's source files.
namespace cp::storevalues {

// Times are stored as integer milliseconds since the epoch, UTC.
inline qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

inline QDateTime fromMs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// An unset time or id binds as SQL NULL.
inline QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(toMs(t)) : QVariant();
}

inline QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

// A null QString binds as SQL NULL; text columns are NOT NULL, so empty text must be "".
inline QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Lists of keys or tags are stored space separated.
inline QString joinWords(const QStringList &words)
{
    return nonNull(words.join(QLatin1Char(' ')));
}

inline QStringList splitWords(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace cp::storevalues
