#include "timelinemodel.h"

#include "db/incidentstore.h"

namespace cp {

namespace {

class ChangeGuard
{
public:
    explicit ChangeGuard(bool &flag) : m_flag(flag), m_previous(flag) { m_flag = true; }
    ~ChangeGuard() { m_flag = m_previous; }
    Q_DISABLE_COPY_MOVE(ChangeGuard)

private:
    bool &m_flag;
    bool m_previous;
};

// Backfilled: logged more than a minute after it happened.
constexpr qint64 BackfillThresholdMs = 60 * 1000;

// Newest first: a precedes b when it happened later (ties: the later id first).
bool newerThan(const TimelineEntry &a, const TimelineEntry &b)
{
    const qint64 ta = a.occurredAt.toMSecsSinceEpoch();
    const qint64 tb = b.occurredAt.toMSecsSinceEpoch();
    return ta != tb ? ta > tb : a.id > b.id;
}

} // namespace

TimelineModel::TimelineModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.timeline(), &TimelineRepository::entryAdded, this, &TimelineModel::onEntryAdded);
    connect(&m_store.timeline(), &TimelineRepository::entryChanged, this, &TimelineModel::onEntryChanged);
    connect(&m_store.timeline(), &TimelineRepository::timelineReloaded, this, &TimelineModel::onTimelineReloaded);
}

void TimelineModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void TimelineModel::setFilter(const TimelineFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void TimelineModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, TimeColumn), index(int(m_rows.size()) - 1, TimeColumn));
}

void TimelineModel::reload()
{
    {
        ChangeGuard guard(m_changing);
        beginResetModel();
        m_rows.clear();
        m_loadedIds.clear();
        m_hasMore = m_incidentId > 0 && m_store.session().isOpen();
        endResetModel();
    }
    if (m_hasMore)
        fetchMore();
}

int TimelineModel::rowOfEntry(qint64 entryId) const
{
    if (!m_loadedIds.contains(entryId))
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == entryId)
            return row;
    }
    return -1;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.occurredAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm:ss"));
        case KindColumn:
            return EntryVocabulary::kindLabel(e.kind);
        case AuthorColumn:
            return e.author;
        case TextColumn:
            return e.text;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(e);
    case EntryIdRole:
        return e.id;
    case KindRole:
        return static_cast<int>(e.kind);
    case KindKeyRole:
        return EntryVocabulary::kindKey(e.kind);
    case OccurredAtRole:
        return e.occurredAt;
    case CapturedAtRole:
        return e.capturedAt;
    case AuthorRole:
        return e.author;
    case TextRole:
        return e.text;
    case TagsRole:
        return e.tags;
    case KeyEventRole:
        return e.keyEvent;
    case RetractedRole:
        return e.retracted;
    case RevisionRole:
        return e.revision;
    case BackfilledRole:
        return e.capturedAt.toMSecsSinceEpoch() - e.occurredAt.toMSecsSinceEpoch() > BackfillThresholdMs;
    }
    return {};
}

QString TimelineModel::toolTip(const TimelineEntry &e) const
{
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss t");
    QStringList lines;
    lines << tr("Happened %1").arg(e.occurredAt.toTimeZone(m_zone).toString(format));
    if (e.capturedAt != e.occurredAt)
        lines << tr("Logged %1").arg(e.capturedAt.toTimeZone(m_zone).toString(format));
    if (e.revision > 0)
        lines << tr("Amended %n time(s)", nullptr, e.revision);
    if (e.retracted)
        lines << tr("Retracted");
    if (!e.tags.isEmpty())
        lines << tr("Tags: %1").arg(e.tags.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return columnTitle(section);
}

QString TimelineModel::columnTitle(int section)
{
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case AuthorColumn:
        return tr("Author");
    case TextColumn:
        return tr("Entry");
    }
    return {};
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetchHeld;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_hasMore || m_changing)
        return;
    ChangeGuard guard(m_changing);
    TimelinePage page;
    page.incidentId = m_incidentId;
    page.filter = m_filter;
    page.limit = m_batchSize;
    if (!m_rows.isEmpty()) {
        page.hasCursor = true;
        page.cursorOccurredMs = m_rows.constLast().occurredAt.toMSecsSinceEpoch();
        page.cursorId = m_rows.constLast().id;
    }
    auto fetched = m_store.timeline().entries(page);
    if (!fetched) {
        m_hasMore = false;
        emit loadFailed(fetched.error());
        return;
    }
    const QList<TimelineEntry> &rows = *fetched;
    m_hasMore = rows.size() == m_batchSize;
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    for (const TimelineEntry &row : rows)
        m_loadedIds.insert(row.id);
    endInsertRows();
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{EntryIdRole, "entryId"},
                  {KindRole, "kind"},
                  {KindKeyRole, "kindKey"},
                  {OccurredAtRole, "occurredAt"},
                  {CapturedAtRole, "capturedAt"},
                  {AuthorRole, "author"},
                  {TextRole, "text"},
                  {TagsRole, "tags"},
                  {KeyEventRole, "keyEvent"},
                  {RetractedRole, "retracted"},
                  {RevisionRole, "revision"},
                  {BackfilledRole, "backfilled"}});
    return names;
}

bool TimelineModel::matchesFilter(qint64 entryId)
{
    if (m_filter.isEmpty())
        return true;
    auto matches = m_store.timeline().matches(entryId, m_filter);
    return matches && *matches;
}

int TimelineModel::insertionRow(const TimelineEntry &entry) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), entry, newerThan);
    const int row = int(it - m_rows.cbegin());
    // Past the last loaded row while more remain: the next fetch brings it in its place.
    if (row == m_rows.size() && m_hasMore)
        return -1;
    return row;
}

void TimelineModel::insertEntry(const TimelineEntry &entry)
{
    const int row = insertionRow(entry);
    if (row < 0)
        return;
    ChangeGuard guard(m_changing);
    beginInsertRows({}, row, row);
    m_rows.insert(row, entry);
    m_loadedIds.insert(entry.id);
    endInsertRows();
}

void TimelineModel::onEntryAdded(qint64 incidentId, qint64 entryId)
{
    if (incidentId != m_incidentId || m_loadedIds.contains(entryId))
        return;
    auto entry = m_store.timeline().addedEntry(entryId);
    if (!entry || !matchesFilter(entryId))
        return;
    insertEntry(*entry);
}

void TimelineModel::onEntryChanged(qint64 incidentId, qint64 entryId)
{
    if (incidentId != m_incidentId)
        return;
    auto entry = m_store.timeline().entry(entryId);
    if (!entry)
        return;
    const int row = rowOfEntry(entryId);
    const bool matches = matchesFilter(entryId);
    if (row < 0) {
        if (matches)
            insertEntry(*entry);
        return;
    }
    const bool samePlace = matches && (row == 0 || newerThan(m_rows.at(row - 1), *entry)) &&
                           (row + 1 == m_rows.size() || newerThan(*entry, m_rows.at(row + 1)));
    ChangeGuard guard(m_changing);
    if (samePlace) {
        m_rows[row] = *entry;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Re-dated (backfill) or filtered out: take it out and put it where it now belongs.
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_loadedIds.remove(entryId);
    endRemoveRows();
    if (matches)
        insertEntry(*entry);
}

void TimelineModel::onTimelineReloaded(qint64 incidentId)
{
    if (incidentId == m_incidentId)
        reload();
}

} // namespace cp
