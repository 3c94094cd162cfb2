package io.strata.core.execution.expression;

import java.util.OptionalInt;

/**
 * Dates as days since 1970-01-01 in the proleptic Gregorian calendar, converted to and from year, month and
 * day without allocating (Howard Hinnant's civil-date algorithms), so kernels can run them per row.
 */
public final class DateMath
{
    private DateMath() {}

    public static int daysFromCivil(long year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (int) (era * 146097 + dayOfEra - 719468);
    }

    /** The year of a day number. */
    public static int year(int days)
    {
        long z = days + 719468L;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthPrime = (5 * dayOfYear + 2) / 153;
        long month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
        return (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    }

    /** The month (1 to 12) of a day number. */
    public static int month(int days)
    {
        long z = days + 719468L;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthPrime = (5 * dayOfYear + 2) / 153;
        return (int) (monthPrime < 10 ? monthPrime + 3 : monthPrime - 9);
    }

    /** The day of month (1 to 31) of a day number. */
    public static int dayOfMonth(int days)
    {
        long z = days + 719468L;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthPrime = (5 * dayOfYear + 2) / 153;
        return (int) (dayOfYear - (153 * monthPrime + 2) / 5 + 1);
    }

    public static boolean isLeapYear(long year)
    {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    public static int daysInMonth(long year, int month)
    {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** The date {@code months} months later, the day of month clamped to the new month's length. */
    public static long addMonths(int days, long months)
    {
        int year = year(days);
        int month = month(days);
        int day = dayOfMonth(days);
        long totalMonths = year * 12L + (month - 1) + months;
        long newYear = Math.floorDiv(totalMonths, 12);
        int newMonth = (int) Math.floorMod(totalMonths, 12) + 1;
        return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
    }

    /** {@code yyyy-MM-dd}, as Presto prints dates. */
    public static String format(int days)
    {
        int year = year(days);
        int month = month(days);
        int day = dayOfMonth(days);
        StringBuilder text = new StringBuilder(10);
        if (year < 0) {
            text.append('-');
        }
        String yearText = Integer.toString(Math.abs(year));
        for (int i = yearText.length(); i < 4; i++) {
            text.append('0');
        }
        text.append(yearText).append('-');
        if (month < 10) {
            text.append('0');
        }
        text.append(month).append('-');
        if (day < 10) {
            text.append('0');
        }
        return text.append(day).toString();
    }

    /** Parses {@code [-]yyyy-M-d} (surrounding spaces allowed), or empty when the text is not a valid date. */
    public static OptionalInt parse(String text)
    {
        String trimmed = text.trim();
        int position = 0;
        boolean negative = false;
        if (trimmed.startsWith("-") || trimmed.startsWith("+")) {
            negative = trimmed.charAt(0) == '-';
            position = 1;
        }
        String[] parts = trimmed.substring(position).split("-", -1);
        if (parts.length != 3) {
            return OptionalInt.empty();
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 9) {
                return OptionalInt.empty();
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return OptionalInt.empty();
                }
            }
        }
        long year = Long.parseLong(parts[0]) * (negative ? -1 : 1);
        long month = Long.parseLong(parts[1]);
        long day = Long.parseLong(parts[2]);
        if (parts[1].length() > 2 || parts[2].length() > 2 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, (int) month)) {
            return OptionalInt.empty();
        }
        if (year < -5877641 || year > 5881580) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(daysFromCivil(year, (int) month, (int) day));
    }
}
