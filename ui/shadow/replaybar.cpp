#include "replaybar.h"

#include "db/incidentstore.h"
#include "replay/replayengine.h"
#include "shadowwindow.h"
#include "widgets/incidentclocklabel.h"

#include <QAction>
#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>

namespace cp {

namespace {
const QList<int> Speeds{1, 10, 60};
}

ReplayBar::ReplayBar(ReplayEngine &engine, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_play(new QToolButton(this)), m_step(new QToolButton(this)),
      m_start(new QToolButton(this)), m_speedGroup(new QButtonGroup(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_position(new QLabel(this)), m_problems(new QLabel(this))
{
    setObjectName(QStringLiteral("shadowReplayBar"));
    m_play->setObjectName(QStringLiteral("shadowReplayPlay"));
    m_step->setObjectName(QStringLiteral("shadowReplayStep"));
    m_start->setObjectName(QStringLiteral("shadowReplayStart"));
    m_slider->setObjectName(QStringLiteral("shadowReplaySlider"));
    m_position->setObjectName(QStringLiteral("shadowReplayPosition"));
    m_problems->setObjectName(QStringLiteral("shadowReplayProblems"));
    m_problems->setTextFormat(Qt::PlainText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_start);
    layout->addWidget(m_play);
    layout->addWidget(m_step);
    for (int speed : Speeds) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("shadowReplaySpeed%1").arg(speed));
        button->setCheckable(true);
        button->setText(QStringLiteral("%1×").arg(speed));
        m_speedGroup->addButton(button, speed);
        m_speeds << button;
        layout->addWidget(button);
    }
    m_speedGroup->button(m_engine.speed()) ? m_speedGroup->button(m_engine.speed())->setChecked(true)
                                           : m_speeds.first()->setChecked(true);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_position);
    layout->addWidget(m_problems);

    const qint64 span = m_engine.script().startUtc().secsTo(m_engine.script().endUtc());
    m_slider->setRange(0, static_cast<int>(qMax<qint64>(1, span)));
    m_slider->setTracking(false);
    m_slider->setFocusPolicy(Qt::NoFocus);

    connect(m_play, &QToolButton::clicked, this, &ReplayBar::togglePlay);
    connect(m_step, &QToolButton::clicked, this, [this] { m_engine.stepForward(); });
    connect(m_start, &QToolButton::clicked, this, [this] { m_engine.jumpTo(m_engine.script().startUtc()); });
    connect(m_speedGroup, &QButtonGroup::idClicked, this, &ReplayBar::setSpeed);
    connect(m_slider, &QSlider::valueChanged, this, &ReplayBar::jumpToSlider);
    connect(&m_engine, &ReplayEngine::positionChanged, this, &ReplayBar::showPosition);
    connect(&m_engine, &ReplayEngine::playingChanged, this, [this](bool playing) {
        if (playing)
            m_ticker.start();
        else
            m_ticker.stop();
        retranslateUi();
    });

    auto key = [this](const QKeySequence &sequence, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(sequence);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    key(QKeySequence(Qt::Key_Space), [this] { togglePlay(); });
    key(QKeySequence(Qt::Key_Right), [this] { m_engine.stepForward(); });
    key(QKeySequence(Qt::Key_Home), [this] { m_engine.jumpTo(m_engine.script().startUtc()); });
    key(QKeySequence(Qt::Key_1), [this] { setSpeed(1); });
    key(QKeySequence(Qt::Key_2), [this] { setSpeed(10); });
    key(QKeySequence(Qt::Key_3), [this] { setSpeed(60); });

    m_ticker.setInterval(TickMs);
    m_ticker.callOnTimeout(&m_engine, &ReplayEngine::tick);

    retranslateUi();
    showPosition();
}

void ReplayBar::retranslateUi()
{
    m_play->setText(m_engine.isPlaying() ? tr("Pause") : tr("Play"));
    m_play->setToolTip(tr("Play or pause the replay (Space)"));
    m_step->setText(tr("Next event"));
    m_step->setToolTip(tr("Pause and go to the next thing that happened (→)"));
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Back to the declaration (Home)"));
    for (QToolButton *button : std::as_const(m_speeds))
        button->setToolTip(tr("Replay at %1 times the real pace (key %2)")
                               .arg(m_speedGroup->id(button))
                               .arg(m_speeds.indexOf(button) + 1));
    m_slider->setToolTip(tr("Drag to jump to a moment of the incident"));
    showPosition();
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReplayBar::togglePlay()
{
    if (m_engine.isPlaying()) {
        m_engine.pause();
        return;
    }
    if (m_engine.isFinished())
        m_engine.jumpTo(m_engine.script().startUtc());
    m_engine.play();
}

void ReplayBar::setSpeed(int factor)
{
    m_engine.setSpeed(factor);
    if (QAbstractButton *button = m_speedGroup->button(factor))
        button->setChecked(true);
    showPosition();
}

void ReplayBar::jumpToSlider()
{
    m_engine.jumpTo(m_engine.script().startUtc().addSecs(m_slider->value()));
}

void ReplayBar::showPosition()
{
    const QDateTime now = m_engine.clock().nowUtc();
    const QDateTime start = m_engine.script().source().incident.declaredAt;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(static_cast<int>(m_engine.script().startUtc().secsTo(now)));
    }
    m_position->setText(tr("%1 of %2 · %3 · %4×")
                            .arg(IncidentClockLabel::format(start.msecsTo(now)),
                                 IncidentClockLabel::format(start.msecsTo(m_engine.script().endUtc())),
                                 now.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                            .arg(m_engine.speed()));
    const QStringList problems = m_engine.problems();
    m_problems->setText(problems.isEmpty() ? QString()
                                           : tr("%n step(s) could not be replayed", nullptr, problems.size()));
    m_problems->setToolTip(problems.join(QLatin1Char('\n')));
}

ShadowWindow *openReplayWindow(const IncidentStore &source, const Clock &clock, TraineeNotes *notes, qint64 incidentId,
                               QWidget *parent, QString *error)
{
    auto engine = std::make_unique<ReplayEngine>(source, clock);
    if (StoreError failed = engine->load(incidentId); !failed.ok()) {
        if (error)
            *error = failed.message();
        return nullptr;
    }
    auto *window = new ShadowWindow(engine->store(), engine->clock(), notes, parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(QStringLiteral("replayWindow"));
    ReplayEngine *raw = engine.release();
    raw->setParent(window); // after the window's own models: it outlives them
    window->setIncident(raw->incidentId());
    window->setNotesIncident(source.session().path(), incidentId);
    window->setBanner(ShadowWindow::tr("Replay of incident #%1 — nothing here changes the record").arg(incidentId));
    QObject::connect(raw, &ReplayEngine::rebuilt, window, &ShadowWindow::setIncident);
    window->setControls(new ReplayBar(*raw, window));
    return window;
}

} // namespace cp
