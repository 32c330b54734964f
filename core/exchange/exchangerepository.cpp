// ExchangeRepository: the whole incident as one document (see incidentdocument.h), exported
// in one read transaction and imported in one write transaction with fresh ids.
#include "exchangerepository.h"

#include "db/bulkstatement.h"
#include "db/incidentstore.h"
#include "db/storevalues.h"
#include "db/writetransaction.h"
#include "documentrules.h"

#include <QHash>
#include <QSqlQuery>

namespace cp {

using namespace storevalues;
using namespace IncidentFormat;

namespace {

QString columnList(const Section &section, bool withId)
{
    QStringList names;
    for (const Field &f : section.fields) {
        if (withId || f.type != FieldType::Id)
            names << f.name;
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

Result<IncidentDocument> ExchangeRepository::exportIncident(const IncidentStore &store, qint64 incidentId)
{
    const StoreSession &session = store.session();
    if (!session.isOpen())
        return StoreSession::notOpen();
    const QString doing = tr("Exporting incident #%1").arg(incidentId);
    // One read transaction: every section sees the same moment, even while another process writes.
    if (auto begun = runStatement(session.database(), session.dialect().beginRead(), {}, doing); !begun)
        return begun.error();
    struct EndRead
    {
        const QSqlDatabase &db;
        ~EndRead() { runStatement(db, QStringLiteral("COMMIT"), {}, QString()); }
    } endRead{session.database()};

    IncidentDocument document;
    QHash<QString, QHash<qint64, qint64>> docIds; // section → database id → document id
    for (const Section &section : sections()) {
        QVariantList values;
        for (qsizetype n = section.selectWhere.count(QLatin1Char('?')); n > 0; --n)
            values << incidentId;
        auto q = runStatement(session.database(),
                              QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
                                  .arg(columnList(section, true), section.table, section.selectWhere, section.orderBy),
                              values, doing);
        if (!q)
            return q.error();
        DocumentSection rows;
        rows.name = section.name;
        auto &ids = docIds[section.name];
        while (q->next()) {
            QVariantList row;
            for (qsizetype i = 0; i < section.fields.size(); ++i) {
                const Field &field = section.fields.at(i);
                const QVariant v = q->value(int(i));
                if (v.isNull()) {
                    row << QVariant();
                    continue;
                }
                switch (field.type) {
                case FieldType::Id: {
                    const qint64 docId = ids.size() + 1;
                    ids.insert(v.toLongLong(), docId);
                    row << docId;
                    break;
                }
                case FieldType::Ref: {
                    const auto target = docIds.value(field.refSection);
                    if (!target.contains(v.toLongLong()))
                        return StoreError(StoreError::Code::Internal,
                                          tr("%1: %2 row refers to %3 #%4, which is not part of incident #%5")
                                              .arg(doing, section.table, field.refSection)
                                              .arg(v.toLongLong())
                                              .arg(incidentId));
                    row << target.value(v.toLongLong());
                    break;
                }
                case FieldType::Time:
                case FieldType::Int:
                    row << v.toLongLong();
                    break;
                case FieldType::Bool:
                    row << (v.toLongLong() != 0 ? 1 : 0);
                    break;
                case FieldType::Text:
                    row << v.toString();
                    break;
                }
            }
            rows.rows << row;
        }
        if (section.scope == Scope::Incident && rows.rows.isEmpty())
            return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId));
        document.sections << rows;
    }
    return document;
}

Result<qint64> ExchangeRepository::importIncident(IncidentStore &store, const IncidentDocument &document)
{
    StoreSession &session = store.session();
    if (StoreError error = DocumentRules::check(document, session.clock().nowUtc()); !error.ok())
        return error;
    // Everything the document adds is made inside the body, so a retried import starts afresh.
    return session.write(tr("Importing the incident"), [&](WriteTransaction &tx) -> Result<qint64> {
        QHash<QString, QHash<qint64, qint64>> newIds; // section → document id → database id
        QList<qint64> newPeople;
        qint64 incidentId = 0;
        for (const Section &section : sections()) {
            const DocumentSection *rows = document.section(section.name);
            if (!rows)
                continue;
            const Field *idField = section.idField();
            qsizetype keyIndex = -1;
            for (qsizetype i = 0; i < section.fields.size(); ++i) {
                if (!section.naturalKey.isEmpty() && section.fields.at(i).name == section.naturalKey)
                    keyIndex = i;
            }
            QStringList marks;
            for (const Field &f : section.fields) {
                if (f.type != FieldType::Id)
                    marks << QStringLiteral("?");
            }
            const QString insertSql =
                QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
                    .arg(section.table, columnList(section, false), marks.join(QStringLiteral(", ")),
                         idField ? QStringLiteral(" RETURNING id") : QString());
            BulkStatement insert(tx, insertSql);
            for (qsizetype r = 0; r < rows->rows.size(); ++r) {
                const QVariantList &row = rows->rows.at(r);
                auto failed = [&](const StoreError &e) { // where, spelled out only for the message
                    const QString place = section.scope == Scope::Incident
                                              ? QStringLiteral("/%1").arg(section.name)
                                              : QStringLiteral("/%1/%2").arg(section.name).arg(r);
                    return StoreError(e.code(), tr("%1: %2").arg(place, e.message()));
                };
                qint64 docId = 0;
                QVariantList values;
                for (qsizetype i = 0; i < section.fields.size(); ++i) {
                    const Field &field = section.fields.at(i);
                    const QVariant v = row.value(i);
                    if (field.type == FieldType::Id) {
                        docId = v.toLongLong();
                        continue;
                    }
                    if (field.type == FieldType::Ref && !v.isNull()) {
                        const auto target = newIds.value(field.refSection);
                        if (!target.contains(v.toLongLong()))
                            return failed(
                                {StoreError::Code::Invalid,
                                 tr("%1: no %2 row has id %3").arg(field.name, field.refSection).arg(v.toLongLong())});
                        values << target.value(v.toLongLong());
                        continue;
                    }
                    if (v.isNull())
                        values << QVariant();
                    else if (field.type == FieldType::Text)
                        values << nonNull(v.toString());
                    else
                        values << v.toLongLong();
                }
                if (keyIndex >= 0) {
                    // The roster and the directory are shared: an existing row with the same key is reused.
                    auto existing = tx.exec(QStringLiteral("SELECT id FROM %1 WHERE lower(%2) = lower(?)")
                                                .arg(section.table, section.naturalKey),
                                            {row.value(keyIndex)});
                    if (!existing)
                        return failed(existing.error());
                    if (existing->next()) {
                        newIds[section.name].insert(docId, existing->value(0).toLongLong());
                        existing->finish();
                        continue;
                    }
                    existing->finish();
                }
                if (idField) {
                    auto inserted = insert.insert(values);
                    if (!inserted)
                        return failed(inserted.error());
                    newIds[section.name].insert(docId, *inserted);
                    if (section.scope == Scope::Incident)
                        incidentId = *inserted;
                    if (section.table == QLatin1String("person"))
                        newPeople << *inserted;
                } else if (StoreError error = insert.run(values); !error.ok()) {
                    return failed(error);
                }
            }
        }
        if (incidentId == 0)
            return StoreError(StoreError::Code::Invalid, tr("/incident: the document has no incident"));
        if (StoreError error = session.logChange(tx, StoreEntity::Incident, incidentId, incidentId, ChangeOp::Insert);
            !error.ok())
            return error;
        if (StoreError error = session.logChange(tx, StoreEntity::Timeline, incidentId, incidentId, ChangeOp::Reload);
            !error.ok())
            return error;
        for (qint64 personId : std::as_const(newPeople)) {
            if (StoreError error = session.logChange(tx, StoreEntity::Person, personId, 0, ChangeOp::Insert);
                !error.ok())
                return error;
        }
        return incidentId;
    });
}

} // namespace cp
