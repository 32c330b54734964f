// IncidentStore: the postmortem owner and due date, the incident's change history, and the
// whole-incident document (export and import, see exchange/incidentdocument.h).
#include "incidentstore.h"

#include "exchange/documentrules.h"

#include "storevalues.h"
#include "writetransaction.h"

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

Postmortem readPostmortem(const QSqlQuery &q)
{
    Postmortem p;
    p.id = q.value(0).toLongLong();
    p.incidentId = q.value(1).toLongLong();
    p.owner = q.value(2).toString();
    p.dueAt = fromMs(q.value(3));
    p.assignedAt = fromMs(q.value(4));
    p.assignedBy = q.value(5).toString();
    return p;
}

} // namespace

StoreError IncidentStore::setPostmortem(qint64 incidentId, const QString &owner, const QDateTime &dueAt,
                                        const QString &author)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    const QString who = owner.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Name the postmortem's owner.")};
    if (!dueAt.isValid())
        return {StoreError::Code::Invalid, tr("Give the postmortem a due date.")};
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is naming the postmortem owner.")};

    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Naming the postmortem owner"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    ClosedRecordWrite postmortemField(*this); // the postmortem outlives the call
    auto resolvedAt = readIncidentField(tx, incidentId, QStringLiteral("resolved_at"));
    if (!resolvedAt)
        return resolvedAt.error();
    if (!resolvedAt->isNull() && toMs(dueAt) < resolvedAt->toLongLong())
        return {StoreError::Code::Invalid, tr("The postmortem cannot be due before the incident was resolved.")};
    auto existing =
        tx.exec(QStringLiteral("SELECT id, owner, due_at FROM postmortem WHERE incident_id = ?"), {incidentId});
    if (!existing)
        return existing.error();
    const bool found = existing->next();
    qint64 id = found ? existing->value(0).toLongLong() : 0;
    const bool same = found && existing->value(1).toString() == who && existing->value(2).toLongLong() == toMs(dueAt);
    existing->finish();
    if (same)
        return {};

    const qint64 now = toMs(m_clock.nowUtc());
    if (found) {
        if (StoreError error = tx.run(QStringLiteral("UPDATE postmortem SET owner = ?, due_at = ?, assigned_at = ?, "
                                                     "assigned_by = ? WHERE id = ?"),
                                      {who, toMs(dueAt), now, author.trimmed(), id});
            !error.ok())
            return error;
    } else {
        auto inserted = tx.insert(QStringLiteral("INSERT INTO postmortem (incident_id, owner, due_at, assigned_at, "
                                                 "assigned_by) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                                  {incidentId, who, toMs(dueAt), now, author.trimmed()});
        if (!inserted)
            return inserted.error();
        id = *inserted;
    }
    const QString text =
        tr("Postmortem owner: %1, due %2 UTC").arg(who, dueAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (StoreError error =
            log(tx, incidentId, EntryKind::System, text, true, {QStringLiteral("postmortem")}, author.trimmed());
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Postmortem, id, incidentId,
                                               found ? ChangeOp::Update : ChangeOp::Insert);
        !error.ok())
        return error;
    return m_session.finish(tx);
}

Result<std::optional<Postmortem>> IncidentStore::postmortem(qint64 incidentId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    auto q = runStatement(m_session.database(),
                          QStringLiteral("SELECT id, incident_id, owner, due_at, assigned_at, assigned_by "
                                         "FROM postmortem WHERE incident_id = ?"),
                          {incidentId}, tr("Reading the postmortem"));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Postmortem>();
    return std::optional<Postmortem>(readPostmortem(*q));
}

Result<QList<IncidentChange>> IncidentStore::incidentHistory(qint64 incidentId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    auto q = runStatement(m_session.database(),
                          QStringLiteral("SELECT id, changed_at, changed_by, field, old_value, new_value "
                                         "FROM incident_change WHERE incident_id = ? ORDER BY changed_at, id"),
                          {incidentId}, tr("Reading the incident's history"));
    if (!q)
        return q.error();
    QList<IncidentChange> list;
    while (q->next()) {
        list << IncidentChange{q->value(0).toLongLong(), fromMs(q->value(1)),    q->value(2).toString(),
                               q->value(3).toString(),   q->value(4).toString(), q->value(5).toString()};
    }
    return list;
}

Result<IncidentDocument> IncidentStore::exportIncident(qint64 incidentId) const
{
    if (!isOpen())
        return StoreSession::notOpen();
    const QString doing = tr("Exporting incident #%1").arg(incidentId);
    // One read transaction: every section sees the same moment, even while another process writes.
    if (auto begun = runStatement(m_session.database(), m_session.dialect().beginRead(), {}, doing); !begun)
        return begun.error();
    struct EndRead
    {
        const QSqlDatabase &db;
        ~EndRead() { runStatement(db, QStringLiteral("COMMIT"), {}, QString()); }
    } endRead{m_session.database()};

    IncidentDocument document;
    QHash<QString, QHash<qint64, qint64>> docIds; // section → database id → document id
    for (const Section &section : sections()) {
        QVariantList values;
        for (qsizetype n = section.selectWhere.count(QLatin1Char('?')); n > 0; --n)
            values << incidentId;
        auto q = runStatement(m_session.database(),
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

Result<qint64> IncidentStore::importIncident(const IncidentDocument &document)
{
    if (StoreError error = m_session.requireWritable(); !error.ok())
        return error;
    if (StoreError error = DocumentRules::check(document, m_clock.nowUtc()); !error.ok())
        return error;
    WriteTransaction tx(m_session.database(), m_session.dialect(), tr("Importing the incident"));
    if (StoreError error = tx.begin(); !error.ok())
        return error;

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
        const QString insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
                                      .arg(section.table, columnList(section, false), marks.join(QStringLiteral(", ")),
                                           idField ? QStringLiteral(" RETURNING id") : QString());
        for (qsizetype r = 0; r < rows->rows.size(); ++r) {
            const QVariantList &row = rows->rows.at(r);
            const QString place = section.scope == Scope::Incident ? QStringLiteral("/%1").arg(section.name)
                                                                   : QStringLiteral("/%1/%2").arg(section.name).arg(r);
            auto failed = [&](const StoreError &e) {
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
                auto inserted = tx.insert(insertSql, values);
                if (!inserted)
                    return failed(inserted.error());
                newIds[section.name].insert(docId, *inserted);
                if (section.scope == Scope::Incident)
                    incidentId = *inserted;
                if (section.table == QLatin1String("person"))
                    newPeople << *inserted;
            } else if (StoreError error = tx.run(insertSql, values); !error.ok()) {
                return failed(error);
            }
        }
    }
    if (incidentId == 0)
        return StoreError(StoreError::Code::Invalid, tr("/incident: the document has no incident"));
    if (StoreError error = m_session.logChange(tx, StoreEntity::Incident, incidentId, incidentId, ChangeOp::Insert);
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Timeline, incidentId, incidentId, ChangeOp::Reload);
        !error.ok())
        return error;
    for (qint64 personId : std::as_const(newPeople)) {
        if (StoreError error = m_session.logChange(tx, StoreEntity::Person, personId, 0, ChangeOp::Insert); !error.ok())
            return error;
    }
    if (StoreError error = m_session.finish(tx); !error.ok())
        return error;
    return incidentId;
}

} // namespace cp
