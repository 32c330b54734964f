#pragma once

#include "db/storeerror.h"
#include "domain/timelineentry.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// One incident's timeline, newest first, read from the store a page at a time so that an
// incident with a million entries opens at once. Store change signals patch just the rows
// they name; only a new incident, a new filter or a bulk import resets it.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column
    {
        TimeColumn,
        KindColumn,
        AuthorColumn,
        TextColumn,
        ColumnCount
    };
    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        KindRole,       // int(EntryKind): the delegate maps it to a colour and icon
        KindKeyRole,    // "action"
        OccurredAtRole, // QDateTime UTC
        CapturedAtRole, // QDateTime UTC
        AuthorRole,
        TextRole,
        TagsRole,       // QStringList
        KeyEventRole,   // bool
        RetractedRole,  // bool
        RevisionRole,   // int, 0 = never amended
        BackfilledRole, // bool: occurred well before it was captured
    };

    explicit TimelineModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setFilter(const TimelineFilter &filter);
    const TimelineFilter &filter() const { return m_filter; }
    void setBatchSize(int rows) { m_batchSize = qMax(1, rows); }
    // While held, canFetchMore() says no: for a view that fetches a page whether it needs one or not.
    void holdFetching(bool held) { m_fetchHeld = held; }
    void setTimeZone(const QTimeZone &zone);

    TimelineEntry entryAt(int row) const { return m_rows.at(row); }
    int rowOfEntry(qint64 entryId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "Time", "Kind", "Author", "Entry"; empty for any other column.
    static QString columnTitle(int section);
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loadFailed(const cp::StoreError &error);

private:
    void reload();
    void onEntryAdded(qint64 incidentId, qint64 entryId);
    void onEntryChanged(qint64 incidentId, qint64 entryId);
    void onTimelineReloaded(qint64 incidentId);
    bool matchesFilter(qint64 entryId);
    // Where an entry belongs among the loaded rows; -1 when it lies beyond them (not yet fetched).
    int insertionRow(const TimelineEntry &entry) const;
    void insertEntry(const TimelineEntry &entry);
    QString toolTip(const TimelineEntry &entry) const;

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    TimelineFilter m_filter;
    QList<TimelineEntry> m_rows;
    // The ids of m_rows: whether an entry is loaded without a scan of a long timeline.
    QSet<qint64> m_loadedIds;
    bool m_hasMore = false;
    // True while the model announces a change; a fetchMore() asked for from inside those
    // notifications (views, QAbstractItemModelTester) waits for the next ask instead of nesting.
    bool m_changing = false;
    int m_batchSize = 256;
    bool m_fetchHeld = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
