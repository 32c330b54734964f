#include "pendingentriesview.h"

#include "models/pendingentrymodel.h"
#include "models/timelinemodel.h"
#include "widgets/kindstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cp {

namespace {

constexpr int VisibleRows = 3; // more scroll: the saved timeline keeps the room

} // namespace

PendingEntriesView::PendingEntriesView(const Outbox &outbox, QWidget *parent)
    : QWidget(parent), m_model(*new PendingEntryModel(outbox, this)), m_heading(new QLabel(this)),
      m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("pendingEntries"));
    m_heading->setObjectName(QStringLiteral("pendingHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(KindStyle::errorColor().name()));
    m_view->setObjectName(QStringLiteral("pendingView"));
    m_view->setModel(&m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TimelineModel::TextColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(PendingEntryModel::StateColumn, QHeaderView::ResizeToContents);
    m_view->setFixedHeight(m_view->header()->sizeHint().height() +
                           VisibleRows * m_view->fontMetrics().height() * 3 / 2 + 2 * m_view->frameWidth());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_heading);
    layout->addWidget(m_view);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&m_model, signal, this, &PendingEntriesView::update);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &PendingEntriesView::update);
    update();
}

void PendingEntriesView::update()
{
    retranslateUi();
    setVisible(m_model.rowCount() > 0);
}

void PendingEntriesView::retranslateUi()
{
    m_heading->setText(tr("Pending — not on the server yet (%1): kept on this computer, sent in order when the "
                          "server answers")
                           .arg(m_model.rowCount()));
}

void PendingEntriesView::setIncident(qint64 incidentId)
{
    m_model.setIncident(incidentId);
}

} // namespace cp
