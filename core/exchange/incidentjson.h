#pragma once

#include "db/storeerror.h"
#include "incidentdocument.h"

#include <QByteArray>
#include <QCoreApplication>

namespace cp {

// The JSON form of IncidentDocument (docs/formats.md, "Whole-incident JSON").
//
// write() is deterministic: the same document gives the same bytes, so export → import into an
// empty database → export reproduces the file exactly.
// read() checks the whole text before returning anything: syntax, format name and version,
// every section, row and field (type, nullability, allowed values, timestamps), unique ids and
// natural keys, and that every reference names a row of the document. The first problem is
// reported with its place: a JSON pointer (/timeline/12/occurred_at) or, for broken syntax, the
// line and column. Nothing here touches a database: it is safe to feed hostile bytes.
class IncidentJson
{
    Q_DECLARE_TR_FUNCTIONS(cp::IncidentJson)
public:
    static QByteArray write(const IncidentDocument &document);
    static Result<IncidentDocument> read(const QByteArray &bytes);

    // "2026-11-22T14:00:00.000Z" and back; read() accepts exactly this form.
    static QString timeText(qint64 msSinceEpoch);
    static std::optional<qint64> parseTime(const QString &text);
};

} // namespace cp
