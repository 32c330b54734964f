#pragma once

#include <QLineEdit>
#include <QStringList>

namespace cp {

// The Scribe's one-line entry field. Up and Down walk through the lines logged before
// (the line being typed is kept and comes back after the newest). Return and Enter log the line,
// whatever the window binds them to.
class QuickEntryEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickEntryEdit)

public:
    explicit QuickEntryEdit(QWidget *parent = nullptr);

    void addToHistory(const QString &line);
    const QStringList &history() const { return m_history; }

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void recall(int step);

    QStringList m_history; // oldest first
    int m_position = -1;   // -1: not browsing; otherwise an index into m_history
    QString m_draft;
};

} // namespace cp
