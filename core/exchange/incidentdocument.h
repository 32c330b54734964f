#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace cp {

// The whole-incident exchange format ("commandpost-incident", version 1): one section per
// domain, each a list of rows whose fields are the columns of one table. This header is the
// single description of that format: the exporter, the importer, the store's import command
// and the coverage test (every table is exported or deliberately excluded) all read it.
//
// Ids are document-local: each section numbers its rows 1, 2, 3 … in export order, and
// references name those numbers. On import the store assigns fresh ids and rewrites every
// reference, so a document imports into any database, empty or not.
namespace IncidentFormat {

inline constexpr auto FormatName = "commandpost-incident";
inline constexpr int Version = 1;

enum class FieldType
{
    Id,   // the row's own document-local id
    Ref,  // the document-local id of a row of another section (refSection)
    Time, // stored as ms since the epoch; written as ISO-8601 UTC with milliseconds ("…T14:00:00.000Z")
    Int,
    Bool, // stored 0/1; written true/false
    Text,
};

struct Field
{
    QString name; // the column, and the JSON member
    FieldType type = FieldType::Text;
    bool nullable = false;
    QString refSection; // for Ref: the section whose ids it names
    qint64 min = 0;     // for Int, when min < max: the allowed range
    qint64 max = 0;
    QStringList choices; // for Text: the allowed values when not empty
};

// How the rows of a section belong to one incident.
enum class Scope
{
    Incident,   // the incident row itself (written as an object, not a list)
    OfIncident, // rows with incident_id
    Shared,     // rows of the roster or directory the incident refers to; matched by naturalKey on import
};

struct Section
{
    QString name;  // the JSON member: "timeline", "roles" …
    QString table; // the SQL table
    Scope scope = Scope::OfIncident;
    QList<Field> fields;
    QString selectWhere; // SQL after WHERE choosing the incident's rows; every ? is the incident id
    QString orderBy;     // primary key order, so an import into an empty database exports identically
    QString naturalKey;  // Shared: the field that identifies an existing row (person.handle …)

    const Field *field(const QString &name) const;
    const Field *idField() const;
};

// In dependency order: a section refers only to sections before it.
const QList<Section> &sections();
const Section *section(const QString &name);
// Tables deliberately not in the format, with the reason (documented in docs/formats.md).
QStringList excludedTables();

} // namespace IncidentFormat

// One section's rows, as column values ready for the database: Id and Ref hold document-local
// ids (qint64), Time holds ms since the epoch, Bool 0/1, null stays a null QVariant.
struct DocumentSection
{
    QString name;
    QList<QVariantList> rows; // values in the order of the section's fields
};

// A whole incident, read from a file or from the store, already validated.
struct IncidentDocument
{
    int version = IncidentFormat::Version;
    QList<DocumentSection> sections; // in IncidentFormat::sections() order, every section present

    const DocumentSection *section(const QString &name) const;
    DocumentSection *section(const QString &name);
};

} // namespace cp
