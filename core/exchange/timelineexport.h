#pragma once

#include "csvwriter.h"
#include "db/storeerror.h"

#include <QIODevice>

#include <optional>

namespace cp {

class IncidentStore;

// Writes one incident's timeline, oldest first, page by page (so a huge incident streams
// instead of being held in memory). Formats:
//   text  one line per entry: ISO-8601 UTC time, kind, author, text (tab separated)
//   csv   RFC 4180 with a header row (CRLF; the Excel flavour starts with a UTF-8 BOM)
//   json  {"format":"commandpost-timeline","version":1,"incident":{…},"entries":[…]}
class TimelineExport
{
    Q_DECLARE_TR_FUNCTIONS(cp::TimelineExport)
public:
    enum class Format
    {
        Text,
        Csv,
        Json
    };

    static std::optional<Format> formatFromKey(const QString &key);
    static StoreError write(const IncidentStore &store, qint64 incidentId, Format format, QIODevice &out,
                            CsvWriter::Flavour csv = CsvWriter::Flavour::Rfc4180);
};

} // namespace cp
