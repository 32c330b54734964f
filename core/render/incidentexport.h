#pragma once

#include "db/storeerror.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QTimeZone>

#include <optional>

namespace cp {

class IncidentStore;

// Every way an incident leaves CommandPost, behind one call shared by the CLI (export) and the
// window (File ▸ Export). The written formats come from one IncidentReport; JSON is the lossless
// commandpost-incident document; CSV is the timeline.
class IncidentExport
{
    Q_DECLARE_TR_FUNCTIONS(cp::IncidentExport)
public:
    enum class Format
    {
        Markdown,
        Html,
        Pdf,
        Json,
        Csv,
        Ics201,
        Ics207,
        Ics214,
    };

    static QList<Format> all();
    static QString key(Format format); // "md", "html", "pdf", "json", "csv", "ics201" …
    static std::optional<Format> fromKey(const QString &key);
    static QString label(Format format);     // "Markdown postmortem draft", "ICS 201 incident briefing (PDF)"
    static QString extension(Format format); // "md", "pdf" …
    static bool isPdf(Format format);

    // Writes the incident in the format. Times in written reports use 'zone'. PDF formats need
    // a QGuiApplication (the CLI runs one on the offscreen platform).
    static StoreError write(const IncidentStore &store, qint64 incidentId, Format format, QIODevice &out,
                            const QDateTime &nowUtc, const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The same into a file: written whole or not at all (PrivateFile::writeAtomically: an earlier
    // file stays as it was on a full disk), readable by its owner only (0600, incident data),
    // never through a symbolic link. Used by the CLI's export -o and the window's File ▸ Export.
    static StoreError writeFile(const IncidentStore &store, qint64 incidentId, Format format, const QString &path,
                                const QDateTime &nowUtc, const QTimeZone &zone = QTimeZone::systemTimeZone());
};

} // namespace cp
