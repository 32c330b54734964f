#include "rollcallpanel.h"

#include "domain/rollcall.h"
#include "models/missedmodel.h"
#include "models/rollcallmodel.h"
#include "widgets/rollcalldelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cp {

namespace {

QTreeView *readOnlyView(QAbstractItemModel *model, const char *name, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    view->setRootIsDecorated(false);
    // A text longer than its column takes a second line rather than being cut ("approval to
    // drain AMS"): the rows are as tall as their texts.
    view->setUniformRowHeights(false);
    view->setWordWrap(true);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setFocusPolicy(Qt::NoFocus);
    // Every column on screen: the short ones as wide as their contents, the texts share the rest.
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setTextElideMode(Qt::ElideRight);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

// The round's rows with "To call" where a role has no condition yet.
class StateInConditionProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DisplayRole && index.column() == RollCallModel::ConditionColumn) {
            const QString condition = QIdentityProxyModel::data(index, role).toString();
            if (condition.isEmpty())
                return QIdentityProxyModel::data(index.siblingAtColumn(RollCallModel::StateColumn), role);
            // The condition's word alone, whole, on its colour: its few words of detail are on the
            // timeline's CAN entry, and the width goes to Actions and Needs.
            const auto known =
                RollCallVocabulary::conditionFromKey(index.data(RollCallModel::ConditionKeyRole).toString());
            return known ? RollCallVocabulary::conditionLabel(*known) : condition;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

RollCallPanel::RollCallPanel(IncidentStore &store, QWidget *parent)
    : QWidget(parent), m_round(new RollCallModel(store, this)), m_missed(new MissedModel(store, this)),
      m_summary(new QLabel(this)), m_missedTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("shadowRollCallPanel"));
    m_summary->setObjectName(QStringLiteral("shadowRollCallSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    // As the console shows it: the condition as its colour, Actions and Needs, missed rows in red.
    // The state says what the condition column already does (a condition, "No answer", "Skipped"),
    // but for a role still to call: that one says so there, and the width goes to Actions and Needs.
    auto *rows = new StateInConditionProxy(this);
    rows->setSourceModel(m_round);
    m_roundView = readOnlyView(rows, "shadowRollCallRound", this);
    m_roundView->setItemDelegate(new RollCallDelegate(RollCallModel::ConditionColumn, m_roundView));
    m_roundView->setColumnHidden(RollCallModel::HolderColumn, true);
    m_roundView->setColumnHidden(RollCallModel::StateColumn, true);
    m_roundView->setColumnHidden(RollCallModel::LastReportColumn, true);
    // The condition takes what the role leaves, less three tenths each for Actions and Needs
    // (fitRoundColumns), which wrap onto a second line where they must.
    m_roundView->header()->setSectionResizeMode(RollCallModel::ConditionColumn, QHeaderView::Stretch);
    for (int column : {RollCallModel::ActionsColumn, RollCallModel::NeedsColumn})
        m_roundView->header()->setSectionResizeMode(column, QHeaderView::Fixed);
    m_missedView = readOnlyView(m_missed, "shadowMissed", this);
    m_missedView->setItemDelegate(new RollCallDelegate(-1, m_missedView));
    // A name too long for the column takes a second line rather than being cut ("SME — Eli…").
    m_missedView->header()->setSectionResizeMode(MissedModel::WhoColumn, QHeaderView::Stretch);
    // Who, the width of the narrow column theirs alone: the round and how long ago it was asked are
    // the console's detail.
    m_missedView->setColumnHidden(MissedModel::RoundColumn, true);
    m_missedView->setColumnHidden(MissedModel::AskedColumn, true);
    m_missedView->setHeaderHidden(true);
    m_missedTitle->setObjectName(QStringLiteral("shadowMissedTitle"));
    QFont bold = m_missedTitle->font();
    bold.setBold(true);
    m_missedTitle->setFont(bold);

    // The count over the round and the missed list, side by side so that each keeps the panel's
    // height for rows.
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_missedTitle->setWordWrap(true);
    m_missedTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *lists = new QHBoxLayout;
    lists->setSpacing(8);
    lists->addWidget(m_roundView, 5);
    auto *missedColumn = new QVBoxLayout;
    missedColumn->setSpacing(2);
    missedColumn->addWidget(m_missedTitle);
    missedColumn->addWidget(m_missedView, 1);
    lists->addLayout(missedColumn, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addLayout(lists, 1);

    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_round), static_cast<QAbstractItemModel *>(m_missed)}) {
        connect(model, &QAbstractItemModel::modelReset, this, &RollCallPanel::refreshSummary);
        connect(model, &QAbstractItemModel::rowsInserted, this, &RollCallPanel::refreshSummary);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RollCallPanel::refreshSummary);
        connect(model, &QAbstractItemModel::dataChanged, this, &RollCallPanel::refreshSummary);
    }
    connect(m_round, &RollCallModel::roundsChanged, this, &RollCallPanel::refreshSummary);
    retranslateUi();
}

void RollCallPanel::setIncident(qint64 incidentId)
{
    m_round->setIncident(incidentId);
    m_round->setRound(0);
    m_missed->setIncident(incidentId);
    refreshSummary();
}

void RollCallPanel::refreshAges()
{
    m_round->refreshAges();
    m_missed->refreshAges();
}

QString RollCallPanel::summary() const
{
    return m_summary->text();
}

void RollCallPanel::refreshSummary()
{
    const RollCall round = m_round->round();
    if (round.id == 0) {
        m_summary->setText(tr("No roll call yet."));
    } else {
        m_summary->setText(tr("Round %1 (%2): %3 answered · %4 no answer · %5 waiting")
                               .arg(round.number)
                               .arg(round.isOpen() ? tr("open") : tr("closed"))
                               .arg(m_round->countInState(RollCallItemState::Answered))
                               .arg(m_round->countInState(RollCallItemState::NoAnswer))
                               .arg(m_round->countInState(RollCallItemState::Pending)));
    }
    // Short, so that it takes one line over the narrow list and leaves the height to the names.
    m_missedTitle->setText(tr("Missed (%1)").arg(m_missed->rowCount()));
}

void RollCallPanel::retranslateUi()
{
    refreshSummary();
}

void RollCallPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitRoundColumns();
    m_missedView->doItemsLayout(); // the rows' heights follow the names' wrapped lines
}

int RollCallPanel::conditionWordWidth() const
{
    // The widest word the condition column starts with ("Degraded", "No answer"), in the chip's
    // bold font and padding: what it needs so that no word of it is cut or broken.
    QFont bold = m_roundView->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = 0;
    for (Condition c : RollCallVocabulary::allConditions())
        widest = qMax(widest, metrics.horizontalAdvance(RollCallVocabulary::conditionLabel(c)));
    for (RollCallItemState s : {RollCallItemState::Pending, RollCallItemState::NoAnswer, RollCallItemState::Skipped})
        widest = qMax(widest, metrics.horizontalAdvance(RollCallVocabulary::stateLabel(s)));
    return widest + 16;
}

void RollCallPanel::fitRoundColumns()
{
    // Actions and Needs three tenths each, or less where the condition's words need the room; the
    // condition (stretched) keeps what the role leaves.
    const int viewport = m_roundView->viewport()->width();
    const int role = m_roundView->header()->sectionSize(RollCallModel::RoleColumn);
    const int share = qMax(40, qMin(viewport * 3 / 10, (viewport - role - conditionWordWidth()) / 2));
    for (int column : {RollCallModel::ActionsColumn, RollCallModel::NeedsColumn})
        m_roundView->header()->resizeSection(column, share);
    m_roundView->doItemsLayout(); // the rows' heights follow their wrapped texts
}

void RollCallPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace cp
