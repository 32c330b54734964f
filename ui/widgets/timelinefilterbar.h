#pragma once

#include "domain/timelineentry.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace cp {

// The timeline's filter row: text, kind (one kind, or all but what CommandPost logs by itself),
// author, key events only, hide retracted. A change is announced once typing pauses, as the
// filter it makes; the author list is read from the store only when someone reaches for it.
class TimelineFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineFilterBar)

public:
    explicit TimelineFilterBar(QWidget *parent = nullptr);

    TimelineFilter filter() const;
    bool isActive() const; // something is filtered out
    // The authors to offer; one chosen before stays offered.
    void setAuthors(const QStringList &authors);
    void focusText(); // Ctrl+F
    QLineEdit *textEdit() const { return m_text; }
    bool authorHasFocus() const;
    void retranslateUi();

signals:
    void filterChanged();
    // The author filter took focus: the bar wants the incident's authors (setAuthors).
    void authorsWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillKinds();

    QLineEdit *m_text;
    QComboBox *m_kind;
    QComboBox *m_author;
    QToolButton *m_keyOnly;
    QToolButton *m_hideRetracted;
    QTimer m_delay;
};

} // namespace cp
