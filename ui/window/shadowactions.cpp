#include "shadowactions.h"

#include "notes/traineenotes.h"
#include "shadow/replaybar.h"
#include "shadow/replaypickerdialog.h"
#include "shadow/shadowwindow.h"

#include <QAction>
#include <QWidget>

namespace cp {

ShadowActions::ShadowActions(IncidentStore &store, const Clock &clock, QWidget &window)
    : QObject(&window), m_store(store), m_clock(clock), m_window(window), m_shadowAction(new QAction(this)),
      m_replayAction(new QAction(this))
{
    m_shadowAction->setObjectName(QStringLiteral("shadowViewAction"));
    m_shadowAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_shadowAction, &QAction::triggered, this, &ShadowActions::showShadowView);
    m_replayAction->setObjectName(QStringLiteral("replayAction"));
    m_replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    connect(m_replayAction, &QAction::triggered, this, &ShadowActions::replayIncident);
}

ShadowActions::~ShadowActions() = default;

TraineeNotes *ShadowActions::traineeNotes()
{
    if (!m_notes) {
        auto notes = std::make_unique<TraineeNotes>(m_clock);
        if (StoreError error = notes->open(TraineeNotes::defaultPath()); !error.ok()) {
            emit message(error.message(), 8000);
            return nullptr;
        }
        m_notes = std::move(notes);
    }
    return m_notes.get();
}

void ShadowActions::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    if (m_shadow)
        m_shadow->setIncident(incidentId); // the shadow view shows what the console shows
}

void ShadowActions::showShadowView()
{
    if (!m_shadow) {
        m_shadow = new ShadowWindow(m_store, m_clock, traineeNotes(), &m_window);
        m_shadow->moveToScreen(ShadowWindow::preferredScreen());
    }
    if (m_shadow->incidentId() != m_incidentId)
        m_shadow->setIncident(m_incidentId);
    m_shadow->show();
    m_shadow->raise();
    m_shadow->activateWindow();
}

void ShadowActions::replayIncident()
{
    auto *picker = new ReplayPickerDialog(m_store, &m_window);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        QString error;
        ShadowWindow *replay =
            openReplayWindow(m_store, m_clock, traineeNotes(), picker->incidentId(), &m_window, &error);
        if (!replay) {
            emit message(error, 8000);
            return;
        }
        replay->moveToScreen(ShadowWindow::preferredScreen());
        replay->show();
    });
    picker->open();
}

void ShadowActions::retranslateUi()
{
    m_shadowAction->setText(tr("S&hadow view"));
    m_shadowAction->setToolTip(tr("A read-only, large-type view of this incident for a second screen (%1)")
                                   .arg(m_shadowAction->shortcut().toString(QKeySequence::NativeText)));
    m_replayAction->setText(tr("Re&play for training…"));
}

} // namespace cp
